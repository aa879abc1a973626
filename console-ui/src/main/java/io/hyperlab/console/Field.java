package io.hyperlab.console;

import java.util.List;
import java.util.Locale;

/**
 * One field of a form: the API field it fills (so the daemon's error for that field shows beside
 * it), its label, what it starts with, and the check that runs before anything is sent.
 *
 * @param choices for a pick-one field, the values offered; empty for typed text
 */
public record Field(String name, String label, String initial, Check check, boolean secret, List<String> choices) {
    /** Says what is wrong with a value, or null when it is fine. */
    @FunctionalInterface
    public interface Check {
        String problem(String value);
    }

    public Field {
        initial = initial == null ? "" : initial;
        choices = List.copyOf(choices);
        if (!choices.isEmpty() && !choices.contains(initial)) {
            initial = choices.get(0);
        }
    }

    public static Field text(String name, String label, String initial, Check check) {
        return new Field(name, label, initial, check, false, List.of());
    }

    public static Field secret(String name, String label, Check check) {
        return new Field(name, label, "", check, true, List.of());
    }

    public static Field choice(String name, String label, List<String> choices, String initial) {
        return new Field(name, label, initial, value -> choices.contains(value) ? null : "choose one of " + String.join(", ", choices),
            false, choices);
    }

    /** Text of 1 to max characters, without control characters. */
    public static Check required(int max) {
        return value -> {
            if (value.isBlank()) {
                return "required: type 1 to " + max + " characters";
            }
            return optional(max).problem(value);
        };
    }

    /** Empty, or text of at most max characters without control characters. */
    public static Check optional(int max) {
        return value -> {
            if (value.length() > max) {
                return "too long: " + value.length() + " characters, at most " + max;
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                return "no control characters";
            }
            return null;
        };
    }

    /** A whole number from min to max; empty is allowed when optional (the daemon's default then applies). */
    public static Check wholeNumber(long min, long max, boolean optional) {
        return value -> {
            String text = value.strip();
            if (text.isEmpty()) {
                return optional ? null : "required: a whole number from " + min + " to " + max;
            }
            long number;
            try {
                number = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return "'" + Text.cut(text, 12) + "' is not a whole number: use " + min + " to " + max;
            }
            return number < min || number > max ? "out of range: use " + min + " to " + max : null;
        };
    }

    /** A decimal number from min to max (a dot for decimals); empty is allowed when optional. */
    public static Check decimal(double min, double max, boolean optional) {
        return value -> {
            String text = value.strip();
            if (text.isEmpty()) {
                return optional ? null : "required: a number from " + plain(min) + " to " + plain(max);
            }
            double number;
            try {
                number = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return "'" + Text.cut(text, 12) + "' is not a number: use " + plain(min) + " to " + plain(max);
            }
            return !(number >= min && number <= max) ? "out of range: use " + plain(min) + " to " + plain(max) : null;
        };
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
