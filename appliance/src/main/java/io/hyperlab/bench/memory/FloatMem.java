package io.hyperlab.bench.memory;

import java.util.Arrays;

/** RAMspeed's FLOATmem kernels on doubles, with its multiplier ln 2 and fill value pi. */
final class FloatMem implements MemoryKernels {
    static final double M = 0.6931471805599453;
    static final double FILL = 3.1415926535897932;

    private final double[] a;
    private final double[] b;
    private final double[] c;

    FloatMem(int elements) {
        a = new double[elements];
        b = new double[elements];
        c = new double[elements];
        Arrays.fill(a, FILL);
        Arrays.fill(b, FILL);
    }

    @Override
    public void pass(MemoryOp op) {
        switch (op) {
            case COPY -> copy(a, b);
            case SCALE -> scale(a, b);
            case ADD -> add(a, b, c);
            case TRIAD -> triad(a, b, c);
        }
    }

    static void copy(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
    }

    static void scale(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            b[i] = M * a[i];
        }
    }

    static void add(double[] a, double[] b, double[] c) {
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
    }

    static void triad(double[] a, double[] b, double[] c) {
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + M * b[i];
        }
    }
}
