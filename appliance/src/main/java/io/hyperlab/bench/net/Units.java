package io.hyperlab.bench.net;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as iperf3 prints them (units.c unit_snprintf): bytes in binary units ("1.30 GBytes"),
 * rates in decimal bits ("11.1 Gbits/sec" once "/sec" is added), four significant places.
 */
public final class Units {
    private static final String[] BYTES = {"Bytes", "KBytes", "MBytes", "GBytes", "TBytes"};
    private static final String[] BITS = {"bits", "Kbits", "Mbits", "Gbits", "Tbits"};
    /** Exact powers of ten, 10^0 to 10^22 (the last a double holds exactly). */
    static final double[] TEN_TO = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** What {@link #roundedUnlessNearTie} answers for a number it cannot round safely. */
    static final long NEAR_TIE = -1;

    private Units() {
    }

    static String bytes(double bytes) {
        return scaled(bytes, 1024.0, BYTES);
    }

    static String bitsPerSecond(double bitsPerSecond) {
        return scaled(bitsPerSecond, 1000.0, BITS) + "/sec";
    }

    private static String scaled(double value, double base, String[] labels) {
        int unit = 0;
        while (value >= base && unit < labels.length - 1) {
            value /= base;
            unit++;
        }
        return fixed(value, value < 9.995 ? 2 : value < 99.95 ? 1 : 0, 4) + " " + labels[unit];
    }

    /**
     * C's %W.Df (and %-W.Df with a negative width) without java.util.Formatter: the loop's thread
     * prints an interval line every second, rarely enough that the line's code stays cold, and the
     * Formatter (it parses each pattern with a regular expression) made a line take the loop 0.6 to
     * 2 ms, time in which a receiver reads nothing. Rounded half-even on the double's exact value,
     * as glibc's printf rounds.
     */
    static String fixed(double value, int decimals, int width) {
        String digits = Double.isFinite(value) ? fixedDigits(value, decimals) : Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        return pad(digits, width);
    }

    /**
     * The digits of {@code value} to {@code decimals} places. The product with 10^decimals decides
     * the rounding, unless it lies so near a tie that its own rounding error could have moved it
     * across: then the double's exact value decides, through BigDecimal, which is slow where these
     * lines run (uncompiled code: 0.3 ms of the loop's thread a line, against about a tenth of that).
     */
    static String fixedDigits(double value, int decimals) {
        double scaled = Math.abs(value) * TEN_TO[decimals];
        long units = scaled >= 1e15 ? NEAR_TIE : roundedUnlessNearTie(scaled);
        if (units == NEAR_TIE) {
            return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        }
        long power = (long) TEN_TO[decimals];
        StringBuilder text = new StringBuilder(24);
        if (value < 0 && units != 0) {
            text.append('-');
        }
        text.append(units / power);
        if (decimals > 0) {
            String fractionDigits = Long.toString(units % power);
            text.append('.');
            for (int i = fractionDigits.length(); i < decimals; i++) {
                text.append('0');
            }
            text.append(fractionDigits);
        }
        return text.toString();
    }

    /**
     * {@code scaled} (not negative, the product of a number with an exact power of ten, so within
     * an ulp or so of the truth) rounded to a whole number; or {@link #NEAR_TIE} where it lies so
     * near a half that that error could have moved it across (or is NaN), and only the exact value
     * can decide.
     */
    static long roundedUnlessNearTie(double scaled) {
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (!(Math.abs(fraction - 0.5) > 4 * Math.ulp(scaled))) {
            return NEAR_TIE;
        }
        return (long) whole + (fraction > 0.5 ? 1 : 0);
    }

    /** C's %Wd and %Ws: right-aligned in the width, or left-aligned when the width is negative. */
    static String pad(Object value, int width) {
        String text = String.valueOf(value);
        int room = Math.abs(width) - text.length();
        if (room <= 0) {
            return text;
        }
        String spaces = " ".repeat(room);
        return width < 0 ? text + spaces : spaces + text;
    }

    /** A rate as a user types it: a number with an optional K, M, G or T (powers of 1000), as iperf3's -b. */
    public static long parseRate(String text) {
        return (long) parse(text, 1000.0, "bitrate");
    }

    /** A size as a user types it: a number with an optional K, M, G or T (powers of 1024), as iperf3's -l, -n. */
    public static long parseSize(String text) {
        return (long) parse(text, 1024.0, "size");
    }

    private static double parse(String text, double base, String what) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new io.hyperlab.InvalidInputException("the " + what + " must not be empty");
        }
        char suffix = Character.toUpperCase(t.charAt(t.length() - 1));
        int power = "KMGT".indexOf(suffix) + 1;
        String number = power > 0 ? t.substring(0, t.length() - 1) : t;
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new io.hyperlab.InvalidInputException("'" + text + "' is not a " + what
                + ": write a number with an optional K, M, G or T, e.g. 100M");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new io.hyperlab.InvalidInputException("the " + what + " must be a number of at least 0, not '" + text + "'");
        }
        return value * Math.pow(base, power);
    }
}
