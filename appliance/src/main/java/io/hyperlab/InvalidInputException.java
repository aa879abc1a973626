package io.hyperlab;

/** The input was refused before anything was done or stored: exit code 2, HTTP 400. */
public class InvalidInputException extends HyperLabException {
    public InvalidInputException(String message) {
        super(message);
    }
}
