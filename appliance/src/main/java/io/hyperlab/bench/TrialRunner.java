package io.hyperlab.bench;

import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/** Runs one trial of a benchmark somewhere ({@link TrialLauncher}: in a child JVM). */
public interface TrialRunner {
    /**
     * Returns the trial's values by metric name; {@code progress} hears each as it comes.
     *
     * @throws java.util.concurrent.CancellationException if {@code cancellation} stopped it
     * @throws io.hyperlab.BenchmarkFailure                if the trial gave no valid result
     */
    Map<String, Double> run(Benchmark benchmark, BenchSettings settings, ObjDoubleConsumer<String> progress,
                            Cancellation cancellation);
}
