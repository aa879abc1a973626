package io.hyperlab.bench;

import io.hyperlab.bench.cpu.SciMark;
import io.hyperlab.bench.env.MemInfo;
import java.util.List;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/** SciMark 2.0 as a test of a run: six metrics in MFLOPS, the composite first. */
final class SciMarkBenchmark implements Benchmark {
    private static final long HEAP_MARGIN = 64L << 20;
    private static final List<Metric> METRICS = SciMark.METRICS.stream()
        .map(name -> new Metric(name, "MFLOPS", true))
        .toList();

    @Override
    public String name() {
        return "scimark2";
    }

    @Override
    public String title() {
        return "SciMark 2.0";
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void validate(BenchSettings settings, MemInfo memory) {
        MemoryCheck.fits(this, heapBytes(settings), memory, "choose the normal size");
    }

    @Override
    public long heapBytes(BenchSettings settings) {
        return settings.scimarkSize().workingSetBytes() + HEAP_MARGIN;
    }

    @Override
    public Map<String, Double> runTrial(BenchSettings settings, ObjDoubleConsumer<String> progress) {
        return SciMark.run(settings.scimarkSize(), settings.minSeconds(), progress);
    }
}
