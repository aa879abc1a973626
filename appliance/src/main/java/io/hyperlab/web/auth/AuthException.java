package io.hyperlab.web.auth;

import io.hyperlab.HyperLabException;

/** A request refused for who made it: 401 (not logged in), 403 (not allowed), 429 (too many tries). */
public final class AuthException extends HyperLabException {
    private final int status;
    private final String code;
    private final String field;
    private final long retryAfterSeconds;

    public AuthException(int status, String code, String field, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static AuthException unauthorized(String message) {
        return new AuthException(401, "unauthorized", null, message, 0);
    }

    public static AuthException forbidden(String code, String field, String message) {
        return new AuthException(403, code, field, message, 0);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** For 429: seconds until the next try may succeed; 0 otherwise. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
