package io.hyperlab.report;

import io.hyperlab.stats.ConfidenceInterval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How reports write numbers for people: two decimals, or four significant digits below 1. */
final class Numbers {
    private Numbers() {
    }

    static String value(double value) {
        if (value != 0 && Math.abs(value) < 1) {
            return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%+.2f%%", value);
    }

    static String plainPercent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String p(Double p) {
        if (p == null) {
            return "";
        }
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    static String interval(ConfidenceInterval ci) {
        return ci == null ? "" : value(ci.low()) + " to " + value(ci.high());
    }

    static String percentInterval(ConfidenceInterval ci) {
        return ci == null ? "" : percent(ci.low()) + " to " + percent(ci.high());
    }

    /** Full precision for data files: the shortest text that reads back as the same double. */
    static String raw(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return Double.toString(value);
    }
}
