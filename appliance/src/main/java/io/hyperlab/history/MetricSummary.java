package io.hyperlab.history;

import io.hyperlab.stats.Summary;
import java.util.List;

/** The trials of one test's metric in one run: the raw values and their statistics. */
public record MetricSummary(String test, String metric, String unit, boolean higherIsBetter, List<Double> values, Summary summary) {
    public MetricSummary {
        values = List.copyOf(values);
    }
}
