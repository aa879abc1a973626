package io.hyperlab.console;

/** Something wrong with one form field (found by the daemon, or by a check that needs two fields); shown beside it. */
public class FieldError extends ConsoleException {
    private final String field;

    public FieldError(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, or null when the error is the whole request's. */
    public String field() {
        return field;
    }
}
