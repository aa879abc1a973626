package io.hyperlab;

/**
 * The input was refused before anything was done or stored: exit code 2, HTTP 400. When the
 * input came as named fields (an API request), {@link #field()} names the one at fault.
 */
public class InvalidInputException extends HyperLabException {
    private final String field;

    public InvalidInputException(String message) {
        this(null, message);
    }

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that was wrong, or null when the message alone says it. */
    public String field() {
        return field;
    }
}
