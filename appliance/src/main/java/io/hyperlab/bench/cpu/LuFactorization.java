package io.hyperlab.bench.cpu;

import io.hyperlab.BenchmarkFailure;

/** SciMark's dense LU kernel: factorisation with partial pivoting by swapping row references. */
public final class LuFactorization {
    /** The residual per row above which a factorisation is rejected, as in NIST's Java. */
    static final double MAX_RESIDUAL = 1.0e-12;

    private LuFactorization() {
    }

    public static double flops(int n) {
        double nd = n;
        return 2.0 * nd * nd * nd / 3.0;
    }

    /** Factors a in place (a = P L U); pivot receives the row chosen at each step. */
    public static void factor(double[][] a, int[] pivot) {
        int rows = a.length;
        int columns = a[0].length;
        int steps = Math.min(rows, columns);
        for (int j = 0; j < steps; j++) {
            int jp = j;
            double largest = Math.abs(a[j][j]);
            for (int i = j + 1; i < rows; i++) {
                double candidate = Math.abs(a[i][j]);
                if (candidate > largest) {
                    jp = i;
                    largest = candidate;
                }
            }
            pivot[j] = jp;
            if (a[jp][j] == 0) {
                throw new BenchmarkFailure("LU factorisation met a zero pivot in column " + j);
            }
            if (jp != j) {
                double[] swap = a[j];
                a[j] = a[jp];
                a[jp] = swap;
            }
            double[] aj = a[j];
            if (j < rows - 1) {
                double reciprocal = 1.0 / aj[j];
                for (int k = j + 1; k < rows; k++) {
                    a[k][j] *= reciprocal;
                }
            }
            if (j < steps - 1) {
                for (int ii = j + 1; ii < rows; ii++) {
                    double[] aii = a[ii];
                    double factor = aii[j];
                    for (int jj = j + 1; jj < columns; jj++) {
                        aii[jj] -= factor * aj[jj];
                    }
                }
            }
        }
    }

    /** Solves (P L U) x = b in place: b goes in, x comes out. */
    public static void solve(double[][] lu, int[] pivot, double[] b) {
        int n = lu.length;
        for (int i = 0; i < n; i++) {
            int ip = pivot[i];
            double sum = b[ip];
            b[ip] = b[i];
            double[] row = lu[i];
            for (int j = 0; j < i; j++) {
                sum -= row[j] * b[j];
            }
            b[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] row = lu[i];
            double sum = b[i];
            for (int j = i + 1; j < n; j++) {
                sum -= row[j] * b[j];
            }
            b[i] = sum / row[i];
        }
    }

    /**
     * Fails unless the factorisation of {@code a} solves a x = b for b with a summed residual per
     * row within SciMark's tolerance.
     */
    public static void checkSolves(double[][] a, double[][] lu, int[] pivot, double[] b) {
        double[] x = b.clone();
        solve(lu, pivot, x);
        double residual = 0;
        for (int i = 0; i < a.length; i++) {
            double[] row = a[i];
            double ax = 0;
            for (int j = 0; j < row.length; j++) {
                ax += row[j] * x[j];
            }
            residual += Math.abs(b[i] - ax);
        }
        double perRow = residual / a.length;
        if (!(perRow <= MAX_RESIDUAL)) {
            throw new BenchmarkFailure(String.format(
                "LU factorisation does not solve A x = b: residual %.3g per row, at most %.0e allowed",
                perRow, MAX_RESIDUAL));
        }
    }
}
