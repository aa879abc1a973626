package io.hyperlab.host;

import io.hyperlab.HyperLabException;

/** The host refused the user or password (exit 1, HTTP 401 to the client that gave them). */
public class HostAuthenticationException extends HyperLabException {
    public HostAuthenticationException(String message) {
        super(message);
    }
}
