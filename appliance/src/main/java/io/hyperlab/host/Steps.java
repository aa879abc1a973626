package io.hyperlab.host;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The steps of one change to a host, each with how to undo it. When a step fails, the steps
 * done so far are undone newest first and a {@link StepFailedException} names the failed step;
 * {@link #done()} keeps everything once the last step succeeded. Not thread-safe: one per change.
 *
 * <pre>{@code
 * Steps steps = new Steps("create VM 'web' on host kvm1");
 * Volume disk = steps.run("create disk", () -> pool.create(...), Volume::delete);
 * steps.run("define VM", () -> define(disk), Domain::undefine);
 * steps.done();
 * }</pre>
 */
public final class Steps {
    /** A step's work. */
    public interface Work<T> {
        T run() throws Exception;
    }

    /** How to undo a step, given what it made. */
    public interface Undo<T> {
        void undo(T made) throws Exception;
    }

    private final String action;
    private final Deque<Runnable> undos = new ArrayDeque<>();
    private final List<String> leftBehind = new ArrayList<>();

    public Steps(String action) {
        this.action = action;
    }

    /** A step that makes nothing to undo (a check, a start). */
    public <T> T run(String step, Work<T> work) {
        return run(step, work, made -> { });
    }

    public <T> T run(String step, Work<T> work, Undo<T> undo) {
        T made;
        try {
            made = work.run();
        } catch (Exception e) {
            undoAll();
            throw new StepFailedException(action, step, e, leftBehind);
        }
        undos.push(() -> {
            try {
                undo.undo(made);
            } catch (Exception e) {
                leftBehind.add(step + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        });
        return made;
    }

    /** Every step succeeded: nothing will be undone. */
    public void done() {
        undos.clear();
    }

    private void undoAll() {
        while (!undos.isEmpty()) {
            undos.pop().run();
        }
    }
}
