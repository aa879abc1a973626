package io.hyperlab.bench.cpu;

/**
 * SciMark's sparse kernel: y = A x with A in compressed-row form, nz/N entries a row spread from
 * the row's start towards the diagonal.
 */
public final class SparseMatmult {
    final double[] values;
    final int[] rowStart;
    final int[] columns;

    private SparseMatmult(double[] values, int[] rowStart, int[] columns) {
        this.values = values;
        this.rowStart = rowStart;
        this.columns = columns;
    }

    /** The matrix SciMark builds for size n with nz requested entries; values come from random. */
    public static SparseMatmult create(int n, int nz, LaggedRandom random) {
        int perRow = nz / n;
        int actual = perRow * n;
        double[] values = random.vector(actual);
        int[] columns = new int[actual];
        int[] rowStart = new int[n + 1];
        for (int r = 0; r < n; r++) {
            int start = rowStart[r];
            rowStart[r + 1] = start + perRow;
            int step = Math.max(1, r / perRow);
            for (int i = 0; i < perRow; i++) {
                columns[start + i] = i * step;
            }
        }
        return new SparseMatmult(values, rowStart, columns);
    }

    /** Two flops for each entry SciMark actually stores ((nz / n) * n), every cycle. */
    public static double flops(int n, int nz, long cycles) {
        return (double) (nz / n) * n * 2.0 * cycles;
    }

    public void multiply(double[] y, double[] x, long cycles) {
        int rows = rowStart.length - 1;
        double[] val = values;
        int[] col = columns;
        int[] start = rowStart;
        for (long c = 0; c < cycles; c++) {
            for (int r = 0; r < rows; r++) {
                double sum = 0.0;
                int end = start[r + 1];
                for (int i = start[r]; i < end; i++) {
                    sum += x[col[i]] * val[i];
                }
                y[r] = sum;
            }
        }
    }
}
