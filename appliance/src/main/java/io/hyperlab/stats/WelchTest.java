package io.hyperlab.stats;

import java.util.Optional;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Welch's unequal-variances t-test of two samples' means (Welch 1947, Biometrika 34:28), as R's
 * {@code t.test(x, y)} computes it by default: t = (x̄ − ȳ) / √(sx²/nx + sy²/ny), the
 * Welch–Satterthwaite degrees of freedom, and the two-sided p-value from the t distribution.
 *
 * @param difference     x̄ − ȳ
 * @param standardError  √(sx²/nx + sy²/ny), the standard error of the difference
 */
public record WelchTest(double t, double df, double p, double difference, double standardError) {

    /**
     * The test of {@code x} against {@code y}; none when either has a single value (no spread to
     * test against). When neither sample varies the difference is exact: p is 0 if the means
     * differ and 1 if they are equal, with n − 2 degrees of freedom.
     */
    public static Optional<WelchTest> of(Summary x, Summary y) {
        if (x.n() < 2 || y.n() < 2) {
            return Optional.empty();
        }
        double vx = x.sd() * x.sd() / x.n();
        double vy = y.sd() * y.sd() / y.n();
        double difference = x.mean() - y.mean();
        double se = Math.sqrt(vx + vy);
        if (se == 0) {
            boolean same = difference == 0;
            return Optional.of(new WelchTest(same ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference),
                x.n() + y.n() - 2, same ? 1 : 0, difference, 0));
        }
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.n() - 1) + vy * vy / (y.n() - 1));
        double t = difference / se;
        double p = Math.min(1, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
        return Optional.of(new WelchTest(t, df, p, difference, se));
    }

    /** The confidence interval of x̄ − ȳ at {@code level}, with this test's degrees of freedom. */
    public ConfidenceInterval differenceInterval(double level) {
        return ConfidenceInterval.around(difference, standardError, df, level);
    }
}
