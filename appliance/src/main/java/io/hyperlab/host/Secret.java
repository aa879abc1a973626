package io.hyperlab.host;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * A password held as characters, never shown: {@code toString} and JSON give a mask, so a record
 * that holds one can be printed or logged without leaking it. {@link #reveal()} gives a copy to the
 * one call that needs it (a login).
 */
public final class Secret {
    private static final String MASK = "********";
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(char[] value) {
        if (value == null) {
            throw new IllegalArgumentException("a secret needs a value");
        }
        return new Secret(value);
    }

    /** The secret from text read from a file or standard input: one trailing line end is dropped. */
    public static Secret fromInput(String text) {
        String value = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
            : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return new Secret(value.toCharArray());
    }

    /** A copy of the characters; the caller should clear it after use. */
    public char[] reveal() {
        return value.clone();
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @JsonValue
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && Arrays.equals(value, secret.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
