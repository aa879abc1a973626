package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Field;
import io.hyperlab.console.FormDialog;
import io.hyperlab.console.Pane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmarks: pick a suite, a label, the trials and for the network tests the iperf3 peer (and
 * the sizes for a quick run), start it, and follow it with a progress bar and the live trial
 * values; cancel it.
 */
final class BenchmarksFeature implements Feature {
    static final String TASKS = "api/v1/tasks";
    static final int MAX_LABEL = 100;
    static final int MAX_TRIALS = 1000;
    static final int MAX_PEER = 255;

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Benchmarks", 60, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Benchmarks").blank();
        JsonNode tasks = pane.item(console.hot().get(TASKS), "the task queue");
        if (tasks == null) {
            return;
        }
        JsonNode active = active(tasks);
        if (active == null) {
            pane.text("No benchmark is running.");
        } else {
            pane.field("Running", active.path("title").asText());
            pane.bar("Progress", active.path("progress").asDouble());
        }
        int queued = 0;
        for (JsonNode task : tasks) {
            queued += task.path("status").asText().equals("queued") ? 1 : 0;
        }
        pane.field("Queued", queued);
        pane.blank().hint("Press <Enter> to start a run" + (active == null ? "." : ", or to follow or cancel the running one."));
    }

    @Override
    public void activate(Console console) {
        console.run("read the task queue", () -> console.client().get(TASKS), tasks -> {
            JsonNode active = active(tasks);
            if (active == null) {
                start(console);
                return;
            }
            List<String> actions = new ArrayList<>(List.of("Start a run", "Follow: " + active.path("title").asText()));
            switch (console.choose("Benchmarks", null, actions)) {
                case 0 -> start(console);
                case 1 -> RunProgressWindow.follow(console, active);
                default -> {
                }
            }
        });
    }

    private static void start(Console console) {
        console.run("read the suites", () -> console.client().get("api/v1/suites"), suites -> {
            List<String> ids = new ArrayList<>();
            suites.forEach(suite -> ids.add(suite.path("id").asText()));
            String intro = "Suites: " + String.join(", ", ids) + ". Empty fields take the daemon's defaults (the study's: 3 trials,"
                + " large sizes, 2 s per kernel). Network tests need a peer: an iperf3 server's HOST or HOST:PORT.";
            Object task = FormDialog.show(console, "Start a benchmark run", intro, List.of(
                    Field.choice("suite", "Suite", ids, "thesis"),
                    Field.text("label", "Label", "", Field.optional(MAX_LABEL)),
                    Field.text("trials", "Trials", "", Field.wholeNumber(1, MAX_TRIALS, true)),
                    Field.choice("size", "SciMark size", List.of("large", "normal"), "large"),
                    Field.text("minTime", "Seconds a kernel", "", Field.decimal(0.01, 600, true)),
                    Field.text("passSize", "Memory pass size", "", Field.optional(20)),
                    Field.text("peer", "Network peer", "", Field.optional(MAX_PEER))),
                values -> console.client().post("api/v1/runs", body(values)));
            if (task instanceof JsonNode started) {
                console.hot().invalidate(TASKS);
                RunProgressWindow.follow(console, started);
            }
        });
    }

    /** The request: only what the user filled in, with numbers as numbers. */
    static Map<String, Object> body(Map<String, String> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("suite", values.get("suite"));
        body.put("size", values.get("size"));
        putIfGiven(body, "label", values.get("label"), text -> text);
        putIfGiven(body, "trials", values.get("trials"), Integer::valueOf);
        putIfGiven(body, "minTime", values.get("minTime"), Double::valueOf);
        putIfGiven(body, "passSize", values.get("passSize"), text -> text);
        putIfGiven(body, "peer", values.get("peer"), text -> text);
        return body;
    }

    private static void putIfGiven(Map<String, Object> body, String name, String text, java.util.function.Function<String, Object> parse) {
        if (text != null && !text.isBlank()) {
            body.put(name, parse.apply(text.strip()));
        }
    }

    /** The running benchmark task, else the first queued one, else null. */
    private static JsonNode active(JsonNode tasks) {
        JsonNode queued = null;
        for (JsonNode task : tasks) {
            String status = task.path("status").asText();
            if (status.equals("running")) {
                return task;
            }
            if (status.equals("queued") && queued == null) {
                queued = task;
            }
        }
        return queued;
    }
}
