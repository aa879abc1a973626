package io.hyperlab.bench;

import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.memory.RamSpeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every benchmark HyperLab can run, by name. */
public final class Benchmarks {
    private static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

    static {
        register(new SciMarkBenchmark());
        register(new RamSpeedBenchmark(RamSpeed.DataType.INTEGER));
        register(new RamSpeedBenchmark(RamSpeed.DataType.FLOAT));
        IperfBenchmark.all().forEach(Benchmarks::register);
    }

    private Benchmarks() {
    }

    public static Benchmark get(String name) {
        return find(name).orElseThrow(() ->
            new InvalidInputException("tests", "unknown test '" + name + "': choose " + String.join(", ", ALL.keySet())));
    }

    public static Optional<Benchmark> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<Benchmark> all() {
        return List.copyOf(ALL.values());
    }

    private static void register(Benchmark benchmark) {
        ALL.put(benchmark.name(), benchmark);
    }
}
