package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import io.hyperlab.console.Console;
import io.hyperlab.console.ConsoleWindow;
import io.hyperlab.console.EventStream;
import io.hyperlab.console.Frame;
import io.hyperlab.console.Text;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Timer;
import java.util.TimerTask;
import java.util.function.Consumer;

/**
 * A benchmark task followed live: a progress bar, each kernel's figure and each trial's values
 * as the event stream brings them, then the run's results. The task is also read every two
 * seconds, so a missed event only delays the bar. Cancel asks first (F8); Esc leaves it running.
 */
final class RunProgressWindow extends ConsoleWindow {
    private static final int VALUE_LINES = 6;
    private static final long POLL_MS = 2000;

    private final Console console;
    private final long taskId;
    private final Label title = new Label("");
    private final Label state = new Label("");
    private final Label bar = new Label("");
    private final int barWidth;
    private final Label values = new Label("");
    private final Label results = new Label("");
    private final Deque<String> recent = new ArrayDeque<>();
    private final Consumer<EventStream.Event> listener = this::heard;
    private final Timer poll = new Timer("hyperlab-console-task", true);
    private volatile boolean finished;

    private RunProgressWindow(Console console, JsonNode task) {
        super("Benchmark run", Window.Hint.MODAL, Window.Hint.CENTERED);
        this.console = console;
        this.taskId = task.path("id").asLong();
        int width = Math.min(70, console.size().getColumns() - 8);
        barWidth = width - 7;
        bar.setText(Text.bar(0, barWidth));
        values.setLabelWidth(width);
        results.setLabelWidth(width);
        Panel content = new Panel();
        content.addComponent(title);
        content.addComponent(state);
        content.addComponent(bar);
        content.addComponent(new EmptySpace());
        content.addComponent(values);
        content.addComponent(results);
        Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
        buttons.addComponent(new Button("Cancel run", this::cancel));
        buttons.addComponent(new Button("Close", this::close));
        content.addComponent(buttons);
        content.addComponent(Frame.keysLabel("<Enter> Choose  <Esc> Close (the run goes on)"));
        setComponent(content);
        show(task);
    }

    /** Follows a task until the user closes the window (on the GUI thread). */
    static void follow(Console console, JsonNode task) {
        RunProgressWindow window = new RunProgressWindow(console, task);
        console.events().addListener(window.listener);
        window.poll.schedule(new TimerTask() {
            @Override
            public void run() {
                window.refreshTask();
            }
        }, POLL_MS, POLL_MS);
        try {
            console.gui().addWindowAndWait(window);
        } finally {
            window.poll.cancel();
            console.events().removeListener(window.listener);
        }
    }

    private void heard(EventStream.Event event) {
        if (event.data().path("taskId").asLong() != taskId) {
            return;
        }
        JsonNode data = event.data();
        console.onGui(() -> {
            bar.setText(Text.bar(data.path("progress").asDouble(), barWidth));
            switch (event.type()) {
                case "trial.started" -> state.setText("Running " + data.path("test").asText() + ", trial " + data.path("trial").asInt()
                    + " of " + data.path("planned").asInt());
                case "progress" -> add(data.path("test").asText() + " #" + data.path("trial").asInt() + "  " + data.path("metric").asText()
                    + " " + Text.number(data.path("value").asDouble()) + " " + data.path("unit").asText());
                case "trial.done" -> add(data.path("test").asText() + " trial " + data.path("trial").asInt() + " done");
                default -> {
                    if (data.has("task")) {
                        show(data.get("task"));
                    }
                }
            }
        });
    }

    private void add(String line) {
        recent.addLast(line);
        while (recent.size() > VALUE_LINES) {
            recent.removeFirst();
        }
        values.setText(String.join("\n", recent));
    }

    private void refreshTask() {
        if (finished) {
            return;
        }
        try {
            JsonNode task = console.client().get("api/v1/tasks/" + taskId);
            console.onGui(() -> show(task));
        } catch (RuntimeException e) {
            // The events still come, or the next poll tells more.
        }
    }

    /** Shows the task's state; when it has ended, reads its run's results once. */
    private void show(JsonNode task) {
        title.setText(task.path("title").asText("Task " + taskId));
        String status = task.path("status").asText();
        bar.setText(Text.bar(task.path("progress").asDouble(), barWidth));
        switch (status) {
            case "queued" -> state.setText("Queued behind other runs");
            case "running" -> {
                if (state.getText().isEmpty() || state.getText().startsWith("Queued")) {
                    state.setText("Running");
                }
            }
            case "succeeded" -> ended("Finished", task);
            case "cancelled" -> ended("Cancelled (completed trials are kept)", task);
            default -> ended("Failed: " + task.path("error").asText("unknown error"), task);
        }
    }

    private void ended(String text, JsonNode task) {
        state.setText(text + (task.hasNonNull("runId") ? ": run " + task.get("runId").asLong() : ""));
        if (finished || !task.hasNonNull("runId")) {
            finished = true;
            return;
        }
        finished = true;
        long runId = task.get("runId").asLong();
        console.run("read run " + runId, () -> console.client().get("api/v1/runs/" + runId), run -> {
            StringBuilder lines = new StringBuilder("Results (mean of " + run.path("trials").size() + " trials):");
            for (JsonNode result : run.path("results")) {
                lines.append("\n  ").append(result.path("test").asText()).append("  ").append(result.path("metric").asText()).append("  ")
                    .append(Text.number(result.path("summary").path("mean").asDouble())).append(" ").append(result.path("unit").asText());
            }
            values.setText("");
            results.setText(lines.toString());
            console.hot().invalidateAll();
        });
    }

    private void cancel() {
        if (finished) {
            console.message("Cancel run", "The run has ended already.");
            return;
        }
        if (console.confirm("Cancel run", "Stop this benchmark run? The trials completed so far are kept.")) {
            console.run("cancel the run", () -> console.client().post("api/v1/tasks/" + taskId + "/cancel", null), this::show);
        }
    }
}
