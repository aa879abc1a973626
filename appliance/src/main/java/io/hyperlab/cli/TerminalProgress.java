package io.hyperlab.cli;

import io.hyperlab.bench.Benchmark;
import io.hyperlab.bench.Metric;
import io.hyperlab.bench.RunListener;
import io.hyperlab.bench.RunRequest;
import io.hyperlab.bench.env.Environment;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.Trial;
import io.hyperlab.stats.Summary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Progress on the terminal (standard error, so that --json output stays clean). */
final class TerminalProgress implements RunListener {
    private final PrintWriter err;
    private final Map<String, List<Double>> firstMetricValues = new HashMap<>();

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void runStarted(long runId, RunRequest request, Environment environment) {
        err.printf("Run %d: suite %s (%s), label \"%s\", %d trials per test; Ctrl-C stops it%n",
            runId, request.suite().id(), String.join(", ", request.tests()), request.label(), request.policy().trials());
        err.println("Environment: " + Format.environment(environment));
        err.flush();
    }

    @Override
    public void trialStarted(Benchmark test, int number, int planned) {
        err.printf("%s trial %d/%d%n", test.name(), number, planned);
        err.flush();
    }

    @Override
    public void progress(Benchmark test, int number, Metric metric, double value) {
        err.printf("  %-36s %12s %s%n", metric.name(), Format.number(value), metric.unit());
        err.flush();
    }

    @Override
    public void trialFinished(Benchmark test, Trial trial) {
        Measurement first = trial.measurements().get(0);
        List<Double> values = firstMetricValues.computeIfAbsent(test.name(), key -> new ArrayList<>());
        values.add(first.value());
        Summary summary = Summary.of(values);
        err.printf("  done in %s; %s mean of %d: %s %s (%s SD)%n",
            Format.duration(Duration.between(trial.startedAt(), trial.finishedAt())), first.metric(), summary.n(),
            Format.number(summary.mean()), first.unit(), Format.percent(summary.percentSd()));
        err.flush();
    }

    @Override
    public void moreTrials(Benchmark test, int planned, String reason) {
        err.printf("%s: %s; adding trial %d%n", test.name(), reason, planned);
        err.flush();
    }
}
