package io.hyperlab.console;

/**
 * Why the console cannot start or go on, in words for the user: a bad option
 * ({@link #badUsage()} is true, exit code 2) or a daemon it cannot reach or trust (exit code 1).
 */
public class ConsoleException extends RuntimeException {
    private final boolean badUsage;

    public ConsoleException(String message) {
        this(message, false, null);
    }

    public ConsoleException(String message, boolean badUsage, Throwable cause) {
        super(message, cause);
        this.badUsage = badUsage;
    }

    static ConsoleException badUsage(String message) {
        return new ConsoleException(message, true, null);
    }

    public boolean badUsage() {
        return badUsage;
    }
}
