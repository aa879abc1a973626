package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.ConsoleException;
import java.util.function.Consumer;

/**
 * Changes on a host (and of the appliance's network) run as the daemon's tasks (202 with the
 * task): this waits for one to end off the GUI thread, says so on the notice row meanwhile, then
 * shows how it ended.
 */
final class SetupTasks {
    private static final long POLL_MS = 300;
    private static final long LIMIT_MS = 10 * 60 * 1000;

    private SetupTasks() {
    }

    /** Waits for the task and tells the user; {@code after} runs on the GUI thread with the ended task. */
    static void follow(Console console, JsonNode task, Consumer<JsonNode> after) {
        String title = task.path("title").asText("task " + task.path("id").asLong());
        console.announce("Working: " + title + "...");
        console.run(title, () -> waitFor(console, task.path("id").asLong()), ended -> {
            String status = ended.path("status").asText();
            console.announce(outcome(ended));
            if (!status.equals("succeeded")) {
                console.message("Failed", title + ": " + ended.path("error").asText(status));
            }
            after.accept(ended);
        });
    }

    /** How a task ended, in one line: "start VM db on lab: succeeded." */
    static String outcome(JsonNode task) {
        return task.path("title").asText("task " + task.path("id").asLong()) + ": " + task.path("status").asText() + ".";
    }

    private static JsonNode waitFor(Console console, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + LIMIT_MS;
        while (System.currentTimeMillis() < deadline) {
            JsonNode task = console.client().get("api/v1/tasks/" + id);
            if (!task.path("status").asText().matches("queued|running")) {
                return task;
            }
            Thread.sleep(POLL_MS);
        }
        throw new ConsoleException("task " + id + " has not ended after " + LIMIT_MS / 60_000 + " minutes; see Benchmarks or the web page");
    }
}
