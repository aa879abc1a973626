package io.hyperlab.bench.cpu;

/**
 * SciMark 2.0's random generator: a 17-entry lagged subtractive generator (m1 = 2^31-1,
 * m2 = 2^16). Every kernel's data comes from it, so the sequence must match the reference
 * implementations bit for bit.
 */
public final class LaggedRandom {
    private static final int M1 = Integer.MAX_VALUE;
    private static final int M2 = 1 << 16;
    private static final double DM1 = 1.0 / M1;

    private final int[] m = new int[17];
    private int i = 4;
    private int j = 16;

    public LaggedRandom(int seed) {
        int jseed = Math.min(Math.abs(seed), M1);
        if (jseed % 2 == 0) {
            jseed--;
        }
        int k0 = 9069 % M2;
        int k1 = 9069 / M2;
        int j0 = jseed % M2;
        int j1 = jseed / M2;
        for (int n = 0; n < 17; n++) {
            jseed = j0 * k0;
            j1 = (jseed / M2 + j0 * k1 + j1 * k0) % (M2 / 2);
            j0 = jseed % M2;
            m[n] = j0 + M2 * j1;
        }
    }

    /** The next value in [0, 1). */
    public double nextDouble() {
        int k = m[i] - m[j];
        if (k < 0) {
            k += M1;
        }
        m[j] = k;
        i = i == 0 ? 16 : i - 1;
        j = j == 0 ? 16 : j - 1;
        return DM1 * k;
    }

    /** A vector of n values, drawn in order. */
    public double[] vector(int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = nextDouble();
        }
        return x;
    }

    /** An rows-by-columns matrix, drawn row by row. */
    public double[][] matrix(int rows, int columns) {
        double[][] a = new double[rows][];
        for (int r = 0; r < rows; r++) {
            a[r] = vector(columns);
        }
        return a;
    }
}
