package io.hyperlab.history;

import java.time.Instant;
import java.util.List;

/** One completed execution of a test, with every metric it measured. */
public record Trial(String test, int number, Instant startedAt, Instant finishedAt, List<Measurement> measurements) {
    public Trial {
        if (number < 1) {
            throw new IllegalArgumentException("trial numbers start at 1, not " + number);
        }
        if (measurements.isEmpty()) {
            throw new IllegalArgumentException("a trial of " + test + " has no measurements");
        }
        measurements = List.copyOf(measurements);
    }
}
