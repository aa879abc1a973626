package io.hyperlab.bench.cpu;

/** SciMark's Jacobi successive over-relaxation: in-place 4-neighbour updates of a grid's interior. */
public final class Sor {
    static final double OMEGA = 1.25;

    private Sor() {
    }

    public static double flops(int rows, int columns, long cycles) {
        return (rows - 1.0) * (columns - 1.0) * cycles * 6.0;
    }

    public static void execute(double omega, double[][] g, long cycles) {
        int rows = g.length;
        int columns = g[0].length;
        double omegaOverFour = omega * 0.25;
        double oneMinusOmega = 1.0 - omega;
        int lastRow = rows - 1;
        int lastColumn = columns - 1;
        for (long p = 0; p < cycles; p++) {
            for (int i = 1; i < lastRow; i++) {
                double[] gi = g[i];
                double[] above = g[i - 1];
                double[] below = g[i + 1];
                // gi[j - 1] was written by the previous step: keep it in a register rather than
                // read it back from memory (the same arithmetic, in the same order).
                double left = gi[0];
                for (int j = 1; j < lastColumn; j++) {
                    double updated = omegaOverFour * (above[j] + below[j] + left + gi[j + 1])
                        + oneMinusOmega * gi[j];
                    gi[j] = updated;
                    left = updated;
                }
            }
        }
    }
}
