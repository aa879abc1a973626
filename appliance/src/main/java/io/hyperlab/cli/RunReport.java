package io.hyperlab.cli;

import io.hyperlab.bench.Benchmarks;
import io.hyperlab.history.MetricSummary;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunRecord;
import io.hyperlab.stats.Summary;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A run as text: what ran where, then a table like the study's per test (mean, unit, SD, n). */
final class RunReport {
    private RunReport() {
    }

    static String render(RunRecord record, boolean withTrials) {
        RunInfo run = record.run();
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(run.id()).append(' ').append(run.status().id())
            .append(": suite ").append(run.suite()).append(", label \"").append(run.label()).append("\", ")
            .append(run.trials()).append(run.trials() == 1 ? " trial" : " trials");
        if (run.finishedAt() != null) {
            out.append(" in ").append(Format.duration(Duration.between(run.startedAt(), run.finishedAt())));
        }
        out.append('\n');
        out.append("Started:     ").append(Format.time(run.startedAt())).append('\n');
        out.append("Environment: ").append(Format.environment(record.environment())).append('\n');
        if (run.imported() != null) {
            out.append("Imported:    from ").append(run.imported().file()).append(" (")
                .append(run.imported().source().equals("pts") ? "Phoronix Test Suite" : "HyperLab export").append(") on ")
                .append(Format.time(run.imported().at())).append('\n');
        }
        if (run.error() != null) {
            out.append("Error:       ").append(run.error()).append('\n');
        }
        List<MetricSummary> summaries = record.summaries();
        for (String test : summaries.stream().map(MetricSummary::test).distinct().toList()) {
            out.append('\n').append(title(test)).append('\n');
            Table table = withTrials
                ? new Table("Metric", ">Mean", "Unit", ">±SD", ">%SD", ">n", ">Min", ">Max", "Trials")
                : new Table("Metric", ">Mean", "Unit", ">±SD", ">%SD", ">n");
            for (MetricSummary m : summaries) {
                if (!m.test().equals(test)) {
                    continue;
                }
                Summary s = m.summary();
                if (withTrials) {
                    table.add(m.metric(), Format.number(s.mean()), m.unit(), Format.number(s.sd()), Format.percent(s.percentSd()),
                        s.n(), Format.number(s.min()), Format.number(s.max()),
                        m.values().stream().map(Format::number).collect(Collectors.joining(" ")));
                } else {
                    table.add(m.metric(), Format.number(s.mean()), m.unit(), Format.number(s.sd()), Format.percent(s.percentSd()), s.n());
                }
            }
            out.append(table.render("  "));
        }
        if (summaries.isEmpty()) {
            out.append("\nNo trial completed.\n");
        }
        return out.toString();
    }

    private static String title(String test) {
        return Benchmarks.find(test).map(b -> b.title() + " (" + test + ")").orElse(test);
    }
}
