package io.hyperlab.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;

/**
 * The statistics Phoronix shows for a test's trials: n, mean, sample standard deviation (n - 1),
 * standard error, min and max. With one value the deviation and error are 0.
 */
public record Summary(int n, double mean, double sd, double se, double min, double max) {

    public Summary {
        if (n < 1) {
            throw new IllegalArgumentException("a summary needs at least one value");
        }
    }

    public static Summary of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Summary of(double... values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("a summary needs at least one value");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return new Summary(n, mean, sd, sd / Math.sqrt(n), min, max);
    }

    /** The standard deviation as a percentage of the mean (0 when the mean is 0). */
    @JsonProperty("percentSd")
    public double percentSd() {
        return mean == 0 ? 0 : sd / Math.abs(mean) * 100;
    }
}
