package io.hyperlab;

/**
 * A failure the user should read: the message names the thing, the value and what to do.
 * The command line maps it to exit code 1; subclasses say when the input itself was wrong.
 */
public class HyperLabException extends RuntimeException {
    public HyperLabException(String message) {
        super(message);
    }

    public HyperLabException(String message, Throwable cause) {
        super(message, cause);
    }
}
