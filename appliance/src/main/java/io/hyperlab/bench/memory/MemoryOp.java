package io.hyperlab.bench.memory;

/**
 * RAMspeed's four *mem operations and the bytes each counts per element: Copy and Scale read one
 * array and write another (2x), Add and Triad read two and write a third (3x).
 */
public enum MemoryOp {
    COPY("Copy", 2),
    SCALE("Scale", 2),
    ADD("Add", 3),
    TRIAD("Triad", 3);

    public final String metric;
    public final int arraysTouched;

    MemoryOp(String metric, int arraysTouched) {
        this.metric = metric;
        this.arraysTouched = arraysTouched;
    }

    /** Bytes moved by one pass over arrays of {@code arrayBytes}, as RAMspeed counts them. */
    public long bytesPerPass(long arrayBytes) {
        return arraysTouched * arrayBytes;
    }
}
