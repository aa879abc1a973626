package io.hyperlab;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as users type them: binary units (KiB, MiB, GiB, or K, M, G) and decimal ones (kB, MB, GB). */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");

    private ByteSize() {
    }

    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            throw new InvalidInputException("'" + text + "' is not a size: write a whole number with a unit, e.g. 32MiB, 512KiB, 64MB or 4096");
        }
        long multiplier = switch (matcher.group(2)) {
            case "", "B" -> 1L;
            case "K", "KiB", "k" -> 1L << 10;
            case "M", "MiB" -> 1L << 20;
            case "G", "GiB" -> 1L << 30;
            case "kB", "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            default -> throw new InvalidInputException("unknown size unit '" + matcher.group(2) + "' in '" + text
                + "': use B, KiB, MiB, GiB (binary) or kB, MB, GB (decimal)");
        };
        try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInputException("size '" + text + "' is too large");
        }
    }

    /** A size for people: the largest binary unit that keeps one decimal. */
    public static String format(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) (1L << 10));
        }
        return bytes + " B";
    }
}
