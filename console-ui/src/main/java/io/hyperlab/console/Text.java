package io.hyperlab.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the console writes numbers, sizes, times and bars: the same way on every screen. */
public final class Text {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Text() {
    }

    /** 1.5 GiB, 512 MiB, 800 KiB. */
    public static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (unit == 0 || value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
            : String.format(Locale.ROOT, "%.1f", value)) + " " + units[unit];
    }

    /** 3d 4h 5m, 4h 5m, 5m 6s. */
    public static String duration(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h " + minutes + "m";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes + "m " + seconds % 60 + "s";
    }

    /** A measured value with three significant figures or more: 5838, 424.3, 0.0153. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** An instant from the API in this machine's time zone, minutes precision; the text itself when it is not an instant. */
    public static String when(JsonNode instant) {
        if (instant == null || instant.isNull() || instant.isMissingNode()) {
            return "-";
        }
        try {
            return WHEN.format(Instant.parse(instant.asText()));
        } catch (DateTimeParseException e) {
            return instant.asText();
        }
    }

    /** [#########.........]  45% */
    public static String bar(double fraction, int width) {
        double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(clamped * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format(Locale.ROOT, "%3.0f%%", clamped * 100);
    }

    /** Cells padded to the widths, two spaces apart; the last is not padded. */
    static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(c == cells.size() - 1 ? cell : pad(cell, widths[c])).append(c == cells.size() - 1 ? "" : "  ");
        }
        return line.toString();
    }

    public static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Cuts a line to the width, ending in an ellipsis when it was longer. */
    public static String cut(String text, int width) {
        if (width <= 0) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "~";
    }

    /** Breaks text into lines of at most the width, at spaces where it can, else after a colon (fingerprints). */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String rest = paragraph;
            while (rest.length() > width && width > 0) {
                int cut = rest.lastIndexOf(' ', width);
                if (cut <= 0) {
                    cut = rest.lastIndexOf(':', width - 1) + 1;
                }
                if (cut <= 0) {
                    cut = width;
                }
                lines.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }
}
