package io.hyperlab.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.hyperlab.stats.ConfidenceInterval;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Two or more sides put side by side per test and metric, grouped like the study. The first
 * side is the baseline: every other side's difference is measured against it, in percent of
 * the baseline's mean, and tested with Welch's t-test at significance level {@code alpha}.
 * {@code flags} name what makes the comparison unfair (different CPUs, settings, a slow link).
 */
public record Comparison(List<SideInfo> sides, double alpha, List<Row> rows, List<Flag> flags) {

    public Comparison {
        sides = List.copyOf(sides);
        rows = List.copyOf(rows);
        flags = List.copyOf(flags);
    }

    public SideInfo baseline() {
        return sides.get(0);
    }

    /** The groups present, in the study's order. */
    public List<Group> groups() {
        return rows.stream().map(Row::group).distinct().sorted().toList();
    }

    public List<Row> rows(Group group) {
        return rows.stream().filter(row -> row.group() == group).toList();
    }

    /** A side as the comparison shows it: its name, where it comes from and its machines. */
    public record SideInfo(String name, String kind, String description, List<Long> runIds, List<SideEnvironment> environments) {
        public SideInfo {
            runIds = List.copyOf(runIds);
            environments = List.copyOf(environments);
        }
    }

    /** One test's metric: each side's statistics and each side's difference from the baseline. */
    public record Row(Group group, String test, String metric, String unit, boolean higherIsBetter,
                      List<SideStats> sides, List<Difference> differences) {
        public Row {
            sides = List.copyOf(sides);
            differences = List.copyOf(differences);
        }

        @JsonProperty("groupTitle")
        public String groupTitle() {
            return group.title;
        }

        public SideStats side(String name) {
            return sides.stream().filter(s -> s.side().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * One side's statistics of a metric: n, mean, sample SD, %SD, min, max and the 95% interval
     * of the mean (null with a single value), with every value.
     */
    public record SideStats(String side, int n, double mean, double sd, double percentSd, double min, double max,
                            ConfidenceInterval ci95, List<Double> values) {
        public SideStats {
            values = List.copyOf(values);
        }
    }

    /**
     * How {@code side} differs from {@code against} (the baseline): the difference of means in
     * percent of the baseline's mean with its 95% interval, Welch's t, df and two-sided p-value
     * (all null when a side has a single value), the verdict for {@code side}, and the side whose
     * mean is better for the metric's direction (null when they are equal).
     */
    public record Difference(String side, String against, Double percent, ConfidenceInterval percentCi95,
                             Double t, Double df, Double p, Verdict verdict, String better) {
        public Difference {
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /** What a difference means at the comparison's significance level. */
    public enum Verdict {
        /** Better for the metric's direction, and p below alpha. */
        BETTER("better"),
        /** Worse for the metric's direction, and p below alpha. */
        WORSE("worse"),
        /** p at or above alpha: the difference may be noise. */
        WITHIN_NOISE("within noise"),
        /** A side has a single value (e.g. a published figure): no test is possible. */
        UNTESTED("not tested: one value");

        public final String text;

        Verdict(String text) {
            this.text = text;
        }

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Something that makes the comparison unfair, e.g. {@code cpu-model} with a message naming both sides. */
    public record Flag(String kind, String message) {
    }
}
