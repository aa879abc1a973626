package io.hyperlab.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperlab.Json;
import io.hyperlab.history.Actions;
import java.util.function.Supplier;

/**
 * Records setup actions in the history's action log: what, on which host, the parameters (as
 * JSON; passwords are {@link Secret}s, which JSON leaves out or masks), start, end, outcome and
 * the error text of a failure. The action's own failure is rethrown unchanged.
 */
public final class ActionLog {
    private final Actions actions;
    private final String actor;

    /** {@code actor} says who acts, e.g. "cli:root" or an API user. */
    public ActionLog(Actions actions, String actor) {
        this.actions = actions;
        this.actor = actor;
    }

    public <T> T record(String host, String action, Object parameters, Supplier<T> work) {
        Started started = start(host, action, parameters);
        try {
            T result = work.get();
            started.succeeded();
            return result;
        } catch (RuntimeException e) {
            started.failed(e);
            throw e;
        }
    }

    /**
     * Records an action as running, for one that ends later on another thread (a request that
     * a task waits on); end it with {@link Started#succeeded()} or {@link Started#failed}.
     * {@code host} is null for an action on the appliance itself.
     */
    public Started start(String host, String action, Object parameters) {
        return new Started(actions.start(actor, host, action, json(parameters)));
    }

    /** An action recorded as running. */
    public final class Started {
        private final long id;

        private Started(long id) {
            this.id = id;
        }

        public void succeeded() {
            actions.finish(id, null);
        }

        public void failed(RuntimeException e) {
            actions.finish(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    public void record(String host, String action, Object parameters, Runnable work) {
        record(host, action, parameters, () -> {
            work.run();
            return null;
        });
    }

    private static String json(Object parameters) {
        try {
            return Json.MAPPER.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the action's parameters as JSON", e);
        }
    }
}
