package io.hyperlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperlab.BenchmarkFailure;
import io.hyperlab.HyperLabException;
import io.hyperlab.Json;
import io.hyperlab.bench.env.Environment;
import io.hyperlab.bench.env.EnvironmentDetector;
import io.hyperlab.bench.env.MemInfo;
import io.hyperlab.history.History;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import io.hyperlab.stats.Summary;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Runs a {@link RunRequest}: checks it against this machine, records the run and its
 * environment, runs each test's trials (more while they vary too much), stores every trial
 * as it completes, and gives the run its final status. Nothing is stored for a request that
 * fails its checks.
 */
public final class RunEngine {
    private final History history;
    private final TrialRunner trials;
    private final EnvironmentDetector detector;
    private final MemInfo memory;

    public RunEngine(History history, TrialRunner trials, EnvironmentDetector detector, MemInfo memory) {
        this.history = history;
        this.trials = trials;
        this.detector = detector;
        this.memory = memory;
    }

    /** Checks the request against this machine without running anything. */
    public void validate(RunRequest request) {
        for (Benchmark benchmark : request.benchmarks()) {
            benchmark.validate(request.settings(), memory);
        }
    }

    public RunRecord run(RunRequest request, RunListener listener, Cancellation cancellation) {
        validate(request);
        Environment environment = detector.detect();
        long runId = history.startRun(request.suite().id(), request.label(), options(request), environment);
        listener.runStarted(runId, request, environment);
        RunStatus status = RunStatus.COMPLETED;
        String error = null;
        try {
            for (Benchmark benchmark : request.benchmarks()) {
                runTest(runId, benchmark, request, listener, cancellation);
            }
        } catch (CancellationException e) {
            status = RunStatus.CANCELLED;
            error = "cancelled by the user";
        } catch (HyperLabException e) {
            status = RunStatus.FAILED;
            error = e.getMessage();
        } catch (RuntimeException e) {
            history.finishRun(runId, RunStatus.FAILED, "internal error: " + e);
            throw e;
        }
        history.finishRun(runId, status, error);
        RunRecord record = history.run(runId);
        listener.runFinished(record);
        return record;
    }

    private void runTest(long runId, Benchmark benchmark, RunRequest request, RunListener listener, Cancellation cancellation) {
        TrialPolicy policy = benchmark.policy(request.policy(), request.settings());
        List<Trial> done = new ArrayList<>();
        int planned = policy.trials();
        for (int number = 1; number <= planned; number++) {
            listener.trialStarted(benchmark, number, planned);
            Trial trial = runTrial(benchmark, number, request.settings(), listener, cancellation);
            history.addTrial(runId, trial);
            done.add(trial);
            listener.trialFinished(benchmark, trial);
            if (number == planned && planned < policy.cap(typicalDuration(done))) {
                Optional<String> reason = policy.reasonForMore(byMetric(done));
                if (reason.isPresent()) {
                    planned++;
                    listener.moreTrials(benchmark, planned, reason.get());
                }
            }
        }
    }

    private Trial runTrial(Benchmark benchmark, int number, BenchSettings settings, RunListener listener,
                           Cancellation cancellation) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        benchmark.metrics().forEach(metric -> metrics.put(metric.name(), metric));
        Instant started = now();
        Map<String, Double> values;
        try {
            values = trials.run(benchmark, settings, (name, value) -> {
                Metric metric = metrics.get(name);
                if (metric != null) {
                    listener.progress(benchmark, number, metric, value);
                }
            }, cancellation);
        } catch (BenchmarkFailure e) {
            throw new BenchmarkFailure(benchmark.name() + " trial " + number + ": " + e.getMessage());
        }
        List<Measurement> measurements = new ArrayList<>();
        for (Metric metric : metrics.values()) {
            Double value = values.get(metric.name());
            if (value == null || !Double.isFinite(value) || value < 0) {
                throw new BenchmarkFailure(benchmark.name() + " trial " + number + " gave no valid " + metric.name()
                    + " (got " + value + ")");
            }
            measurements.add(new Measurement(metric.name(), metric.unit(), metric.higherIsBetter(), value));
        }
        return new Trial(benchmark.name(), number, started, now(), measurements);
    }

    private static Map<String, Summary> byMetric(List<Trial> trials) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Trial trial : trials) {
            for (Measurement m : trial.measurements()) {
                values.computeIfAbsent(m.metric(), key -> new ArrayList<>()).add(m.value());
            }
        }
        Map<String, Summary> summaries = new LinkedHashMap<>();
        values.forEach((metric, list) -> summaries.put(metric, Summary.of(list)));
        return summaries;
    }

    private static Duration typicalDuration(List<Trial> trials) {
        return TrialPolicy.mean(trials.stream().map(t -> Duration.between(t.startedAt(), t.finishedAt())).toList());
    }

    private static String options(RunRequest request) {
        try {
            return Json.MAPPER.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the run's options", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
