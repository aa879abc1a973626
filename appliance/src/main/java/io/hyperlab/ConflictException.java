package io.hyperlab;

/** The request clashes with what exists (a name already taken, a resource busy): exit code 1, HTTP 409. */
public class ConflictException extends HyperLabException {
    public ConflictException(String message) {
        super(message);
    }
}
