package io.hyperlab.stats;

import java.util.Optional;
import org.apache.commons.statistics.distribution.TDistribution;

/** A two-sided confidence interval, e.g. the 95% interval of a mean from Student's t distribution. */
public record ConfidenceInterval(double low, double high, double level) {
    public static final double DEFAULT_LEVEL = 0.95;

    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a confidence level is between 0 and 1, not " + level);
        }
        if (!(low <= high)) {
            throw new IllegalArgumentException("an interval's low end " + low + " is above its high end " + high);
        }
    }

    /** The interval of the mean, mean ± t(df = n - 1) · SE; none with a single value, which has no spread. */
    public static Optional<ConfidenceInterval> ofMean(Summary summary, double level) {
        if (summary.n() < 2) {
            return Optional.empty();
        }
        return Optional.of(around(summary.mean(), summary.se(), summary.n() - 1, level));
    }

    /** {@code centre} ± the t quantile for {@code level} with {@code df} degrees of freedom times {@code standardError}. */
    static ConfidenceInterval around(double centre, double standardError, double df, double level) {
        double halfWidth = standardError == 0 ? 0 : TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2) * standardError;
        return new ConfidenceInterval(centre - halfWidth, centre + halfWidth, level);
    }

    /** This interval scaled by {@code factor}, e.g. to express it in percent of a baseline. */
    public ConfidenceInterval scaled(double factor) {
        double a = low * factor;
        double b = high * factor;
        return new ConfidenceInterval(Math.min(a, b), Math.max(a, b), level);
    }
}
