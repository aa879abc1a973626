package io.hyperlab;

/** A named thing (a run, a host) does not exist: exit code 1, HTTP 404. */
public class NotFoundException extends HyperLabException {
    public NotFoundException(String message) {
        super(message);
    }
}
