package io.hyperlab.console;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The daemon refused a request: its HTTP status and its JSON error ({@code code}, {@code message},
 * and {@code field} when one request field was at fault), so a form can show the message beside
 * that field; and what else the error carries for a client to act on (e.g. the certificate
 * fingerprint an untrusted host presented).
 */
public final class DaemonError extends FieldError {
    private final int status;
    private final String code;
    private final JsonNode body;

    public DaemonError(int status, String code, String field, String message) {
        this(status, code, field, message, null);
    }

    public DaemonError(int status, String code, String field, String message, JsonNode body) {
        super(field, message);
        this.status = status;
        this.code = code;
        this.body = body;
    }

    /** A text member of the error besides code, message and field, or null. */
    public String detail(String name) {
        return body == null || !body.hasNonNull(name) ? null : body.get(name).asText();
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
