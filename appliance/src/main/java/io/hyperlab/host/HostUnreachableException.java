package io.hyperlab.host;

import io.hyperlab.HyperLabException;

/** The host did not answer, or stopped answering during an operation (exit 1, HTTP 502). */
public class HostUnreachableException extends HyperLabException {
    public HostUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
