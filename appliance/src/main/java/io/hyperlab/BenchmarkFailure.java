package io.hyperlab;

/** A trial that cannot give a valid figure: a kernel's result check failed, or its process died. */
public class BenchmarkFailure extends HyperLabException {
    public BenchmarkFailure(String message) {
        super(message);
    }
}
