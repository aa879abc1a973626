package io.hyperlab.bench;

import io.hyperlab.InvalidInputException;
import io.hyperlab.stats.Summary;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How many trials a test gets, as Phoronix decides: the planned count, then one more at a time
 * while some metric's %SD is at or above the threshold, up to a cap. Without an explicit cap,
 * Phoronix's: four times the planned count for trials under 2 minutes, three times under 4,
 * otherwise twice.
 *
 * @param maxTrials the cap, or null for Phoronix's
 */
public record TrialPolicy(int trials, Integer maxTrials, double thresholdPercent) {
    public static final int DEFAULT_TRIALS = 3;
    public static final double DEFAULT_THRESHOLD = 3.5;
    public static final int MAX_TRIALS = 1000;

    public TrialPolicy {
        if (trials < 1 || trials > MAX_TRIALS) {
            throw new InvalidInputException("trials", "trials must be from 1 to " + MAX_TRIALS + ", not " + trials);
        }
        if (maxTrials != null && (maxTrials < trials || maxTrials > MAX_TRIALS)) {
            throw new InvalidInputException("maxTrials", "max trials must be from the trial count (" + trials + ") to " + MAX_TRIALS
                + ", not " + maxTrials);
        }
        if (!(thresholdPercent > 0 && thresholdPercent <= 100)) {
            throw new InvalidInputException("threshold", "the %SD threshold must be more than 0 and at most 100, not " + thresholdPercent);
        }
    }

    public static TrialPolicy of(int trials) {
        return new TrialPolicy(trials, null, DEFAULT_THRESHOLD);
    }

    /** The most trials a test may get, given how long its trials take. */
    public int cap(Duration typicalTrial) {
        if (maxTrials != null) {
            return maxTrials;
        }
        int factor = typicalTrial.compareTo(Duration.ofMinutes(2)) < 0 ? 4
            : typicalTrial.compareTo(Duration.ofMinutes(4)) < 0 ? 3 : 2;
        return Math.min(MAX_TRIALS, trials * factor);
    }

    /** Why another trial is wanted: the first metric whose spread reaches the threshold, if any. */
    public Optional<String> reasonForMore(Map<String, Summary> byMetric) {
        for (Map.Entry<String, Summary> entry : byMetric.entrySet()) {
            Summary summary = entry.getValue();
            if (summary.n() >= 2 && summary.percentSd() >= thresholdPercent) {
                return Optional.of(String.format(Locale.ROOT, "%s varies by %.2f%% SD, at or above the %.2f%% threshold",
                    entry.getKey(), summary.percentSd(), thresholdPercent));
            }
        }
        return Optional.empty();
    }

    static Duration mean(Collection<Duration> durations) {
        return durations.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(Math.max(1, durations.size()));
    }
}
