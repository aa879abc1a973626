package io.hyperlab.host;

import io.hyperlab.HyperLabException;
import java.util.List;

/**
 * A change to a host failed at one step after earlier steps had made things: names the action,
 * the step and why, and what could not be undone (empty when everything made was removed).
 */
public class StepFailedException extends HyperLabException {
    private final String action;
    private final String step;
    private final List<String> leftBehind;

    public StepFailedException(String action, String step, Throwable cause, List<String> leftBehind) {
        super(message(action, step, cause, leftBehind), cause);
        this.action = action;
        this.step = step;
        this.leftBehind = List.copyOf(leftBehind);
    }

    public String action() {
        return action;
    }

    public String step() {
        return step;
    }

    public List<String> leftBehind() {
        return leftBehind;
    }

    private static String message(String action, String step, Throwable cause, List<String> leftBehind) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String undo = leftBehind.isEmpty() ? "everything made before it was undone"
            : "could not undo: " + String.join("; ", leftBehind) + " (remove by hand)";
        return action + " failed at step '" + step + "': " + why + "; " + undo;
    }
}
