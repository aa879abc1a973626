package io.hyperlab.bench;

import java.util.ArrayList;
import java.util.List;

/** A request to stop a run, with what to do at once when it comes (kill the trial process). */
public final class Cancellation {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    public synchronized void cancel() {
        if (!cancelled) {
            cancelled = true;
            actions.forEach(Runnable::run);
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** A registered action; closing it unregisters it. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code action} on cancel (at once if already cancelled) until the registration is closed. */
    synchronized Registration onCancel(Runnable action) {
        if (cancelled) {
            action.run();
        }
        actions.add(action);
        return () -> {
            synchronized (this) {
                actions.remove(action);
            }
        };
    }
}
