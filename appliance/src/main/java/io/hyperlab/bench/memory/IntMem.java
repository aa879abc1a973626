package io.hyperlab.bench.memory;

import java.util.Arrays;

/** RAMspeed's INTmem kernels on 64-bit integers, with its multiplier 77 and fill values 33 and 55. */
final class IntMem implements MemoryKernels {
    static final long M = 77;

    private final long[] a;
    private final long[] b;
    private final long[] c;

    IntMem(int elements) {
        a = new long[elements];
        b = new long[elements];
        c = new long[elements];
        Arrays.fill(a, 33);
        Arrays.fill(b, 55);
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

    static void copy(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
    }

    static void scale(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            b[i] = M * a[i];
        }
    }

    static void add(long[] a, long[] b, long[] c) {
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
    }

    static void triad(long[] a, long[] b, long[] c) {
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + M * b[i];
        }
    }
}
