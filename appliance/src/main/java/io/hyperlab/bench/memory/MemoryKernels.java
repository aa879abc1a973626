package io.hyperlab.bench.memory;

/** One worker's private arrays and the four operations over them. */
interface MemoryKernels {
    /** One pass of {@code op} over the whole arrays. */
    void pass(MemoryOp op);
}
