package io.hyperlab.console;

/**
 * The daemon refused a request: its HTTP status and its JSON error ({@code code}, {@code message},
 * and {@code field} when one request field was at fault), so a form can show the message beside
 * that field.
 */
public final class DaemonError extends FieldError {
    private final int status;
    private final String code;

    public DaemonError(int status, String code, String field, String message) {
        super(field, message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The session ended or was never there: the console must log in again. */
    public boolean loggedOut() {
        return status == 401;
    }
}
