package io.hyperlab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Welch's test against published output. Each expectation is quoted at the precision its source
 * prints, so the tolerance is half a unit of the last printed digit.
 */
class WelchTestTest {
    /** R's {@code sleep} data set (Cushny and Peebles 1905), extra hours of sleep under two drugs. */
    static final double[] SLEEP_GROUP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] SLEEP_GROUP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    /**
     * R's documented example {@code t.test(extra ~ group, data = sleep)} prints "t = -1.8608,
     * df = 17.776, p-value = 0.07939" and the 95 percent confidence interval
     * "-3.3654832  0.2054832" (R 4.x, ?t.test, Welch Two Sample t-test).
     */
    @Test
    void matchesRsWelchTwoSampleTestOnTheSleepData() {
        WelchTest test = WelchTest.of(Summary.of(SLEEP_GROUP_1), Summary.of(SLEEP_GROUP_2)).orElseThrow();
        assertEquals(-1.8608, test.t(), 0.00005);
        assertEquals(17.776, test.df(), 0.0005);
        assertEquals(0.07939, test.p(), 0.000005);
        ConfidenceInterval ci = test.differenceInterval(0.95);
        assertEquals(-3.3654832, ci.low(), 0.00000005);
        assertEquals(0.2054832, ci.high(), 0.00000005);
        assertEquals(-1.58, test.difference(), 1e-12);
    }

    /** R's {@code t.test(sleep$extra[1:10])}: "95 percent confidence interval: -0.5297804  2.0297804". */
    @Test
    void meanIntervalMatchesRsOneSampleInterval() {
        ConfidenceInterval ci = ConfidenceInterval.ofMean(Summary.of(SLEEP_GROUP_1), 0.95).orElseThrow();
        assertEquals(-0.5297804, ci.low(), 0.00000005);
        assertEquals(2.0297804, ci.high(), 0.00000005);
    }

    /**
     * The worked examples of Wikipedia's "Welch's t-test" article (section "Examples"): equal
     * sizes with equal variances print t = -2.46, df = 25.0, p = 0.021; unequal sizes and
     * variances print t = -1.57, df = 9.9, p = 0.149.
     */
    @Test
    void matchesTheTextbookExamplesWithEqualAndUnequalSizes() {
        WelchTest equal = WelchTest.of(
            Summary.of(27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4),
            Summary.of(27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4)).orElseThrow();
        assertEquals(-2.46, equal.t(), 0.005);
        assertEquals(25.0, equal.df(), 0.05);
        assertEquals(0.021, equal.p(), 0.0005);

        WelchTest unequal = WelchTest.of(
            Summary.of(17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8),
            Summary.of(21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5,
                23.5, 21.5, 21.8)).orElseThrow();
        assertEquals(-1.57, unequal.t(), 0.005);
        assertEquals(9.9, unequal.df(), 0.05);
        assertEquals(0.149, unequal.p(), 0.0005);
    }

    @Test
    void swappingTheSamplesFlipsTheSignButNotThePValue() {
        WelchTest forward = WelchTest.of(Summary.of(SLEEP_GROUP_1), Summary.of(SLEEP_GROUP_2)).orElseThrow();
        WelchTest backward = WelchTest.of(Summary.of(SLEEP_GROUP_2), Summary.of(SLEEP_GROUP_1)).orElseThrow();
        assertEquals(-forward.t(), backward.t(), 1e-12);
        assertEquals(forward.df(), backward.df(), 1e-9);
        assertEquals(forward.p(), backward.p(), 1e-12);
    }

    @Test
    void aSingleValueHasNoTestAndNoInterval() {
        assertTrue(WelchTest.of(Summary.of(299.19), Summary.of(290, 295, 300)).isEmpty());
        assertTrue(WelchTest.of(Summary.of(290, 295, 300), Summary.of(293.45)).isEmpty());
        assertTrue(ConfidenceInterval.ofMean(Summary.of(299.19), 0.95).isEmpty());
    }

    @Test
    void samplesWithoutSpreadDifferExactlyOrNotAtAll() {
        WelchTest differ = WelchTest.of(Summary.of(5, 5, 5), Summary.of(4, 4)).orElseThrow();
        assertEquals(0, differ.p());
        assertEquals(Double.POSITIVE_INFINITY, differ.t());
        WelchTest same = WelchTest.of(Summary.of(5, 5, 5), Summary.of(5, 5)).orElseThrow();
        assertEquals(1, same.p());
        assertEquals(0, same.t());
    }
}
