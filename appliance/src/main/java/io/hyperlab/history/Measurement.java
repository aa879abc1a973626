package io.hyperlab.history;

import java.util.Objects;

/** One metric's raw value in one trial. */
public record Measurement(String metric, String unit, boolean higherIsBetter, double value) {
    public Measurement {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(metric + " has no finite value: " + value);
        }
    }
}
