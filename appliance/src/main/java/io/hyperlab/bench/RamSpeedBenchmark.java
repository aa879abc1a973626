package io.hyperlab.bench;

import io.hyperlab.bench.env.MemInfo;
import io.hyperlab.bench.memory.RamSpeed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/** RAMspeed/SMP's INTmem or FLOATmem as a test of a run: Copy, Scale, Add, Triad, Average in MB/s. */
final class RamSpeedBenchmark implements Benchmark {
    private static final long HEAP_MARGIN = 64L << 20;
    private static final List<Metric> METRICS = RamSpeed.METRICS.stream()
        .map(name -> new Metric(name, "MB/s", true))
        .toList();

    private final RamSpeed.DataType type;

    RamSpeedBenchmark(RamSpeed.DataType type) {
        this.type = type;
    }

    @Override
    public String name() {
        return "ramspeed-" + type.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String title() {
        return type == RamSpeed.DataType.INTEGER ? "RAMspeed/SMP INTmem" : "RAMspeed/SMP FLOATmem";
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    @Override
    public void validate(BenchSettings settings, MemInfo memory) {
        MemoryCheck.fits(this, heapBytes(settings), memory, "choose a smaller array size or fewer threads");
    }

    @Override
    public long heapBytes(BenchSettings settings) {
        return settings.memory(type).totalArrayBytes() + HEAP_MARGIN;
    }

    @Override
    public Map<String, Double> runTrial(BenchSettings settings, ObjDoubleConsumer<String> progress) throws InterruptedException {
        return RamSpeed.run(settings.memory(type), progress);
    }
}
