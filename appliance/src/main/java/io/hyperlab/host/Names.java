package io.hyperlab.host;

import io.hyperlab.InvalidInputException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The naming rules shared by hosts, VMs, ISO libraries and networks, checked where the value is made. */
public final class Names {
    /** Letters, digits, '.', '_' and '-', starting with a letter or digit, 1 to 64 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final String NAME_RULE = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final int MAX_TEXT = 200;

    private Names() {
    }

    /** A name of ours (host, VM, library, network); {@code what} names the field in the message. */
    public static String require(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " must not be empty: use " + NAME_RULE);
        }
        if (!NAME.matcher(value).matches()) {
            throw new InvalidInputException(what + " '" + printable(value) + "' is not allowed: use " + NAME_RULE);
        }
        return value;
    }

    /**
     * A name the hypervisor gave something we refer to (a XAPI template "Debian Bookworm 12", an SR
     * "Local storage", a host): 1 to 200 characters, no control characters.
     */
    public static String requireLabel(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(what + " must not be empty");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(what + " must be at most " + MAX_TEXT + " characters, not " + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what + " '" + printable(value) + "' must not hold control characters");
        }
        return value;
    }

    /** A file name (an ISO image): a label that is not '.' or '..' and holds no '/'. */
    public static String requireFileName(String what, String value) {
        requireLabel(what, value);
        if (value.contains("/") || value.equals(".") || value.equals("..")) {
            throw new InvalidInputException(what + " '" + printable(value) + "' must be a file name: no '/', and not '.' or '..'");
        }
        return value;
    }

    /** The constant whose {@link Choice#id()} is {@code text} (any case); anything else is refused with the choices. */
    public static <E extends Enum<E> & Choice> E choice(String what, String text, E[] values) {
        String key = text == null ? "" : text.strip().replace('_', '-');
        for (E value : values) {
            if (value.id().equalsIgnoreCase(key)) {
                return value;
            }
        }
        throw new InvalidInputException("unknown " + what + " '" + printable(String.valueOf(text)) + "': use "
            + Arrays.stream(values).map(Choice::id).collect(Collectors.joining(", ")));
    }

    /** The value with control characters shown as '?', safe to put in a message. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return value.length() > 80 ? out + "..." : out.toString();
    }
}
