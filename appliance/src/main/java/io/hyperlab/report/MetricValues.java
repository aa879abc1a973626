package io.hyperlab.report;

import java.util.List;
import java.util.Objects;

/** Every value one side has for one test's metric, with the metric's unit and direction. */
public record MetricValues(String test, String metric, String unit, boolean higherIsBetter, List<Double> values) {
    public MetricValues {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        if (values.isEmpty()) {
            throw new IllegalArgumentException(test + " " + metric + " has no values");
        }
        values = List.copyOf(values);
    }
}
