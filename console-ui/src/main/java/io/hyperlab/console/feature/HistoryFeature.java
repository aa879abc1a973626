package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.DaemonClient;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Field;
import io.hyperlab.console.FormDialog;
import io.hyperlab.console.Pane;
import io.hyperlab.console.TableWindow;
import io.hyperlab.console.Text;
import io.hyperlab.console.TextWindow;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** History: the runs, filtered by label, suite, status and date; a run's detail with its statistics; delete a run. */
final class HistoryFeature implements Feature {
    static final String LATEST = "api/v1/runs?limit=5";
    static final List<String> STATUSES = List.of("any", "completed", "running", "failed", "cancelled", "interrupted");
    private static final int LIST_LIMIT = 500;
    /** Metric names cut so that a run's table fits 80 columns: "Jacobi Successive Over-Relaxati~". */
    private static final int METRIC_WIDTH = 30;

    @Override
    public MenuEntry entry() {
        return new MenuEntry("History", 70, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("History").blank();
        JsonNode page = pane.item(console.hot().get(LATEST), "the latest runs");
        if (page == null) {
            return;
        }
        pane.field("Runs stored", page.path("total").asLong());
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode run : page.path("runs")) {
            rows.add(List.of("#" + run.path("id").asLong(), Text.when(run.path("startedAt")), run.path("status").asText(),
                run.path("label").asText()));
        }
        if (!rows.isEmpty()) {
            pane.blank().table(List.of("Run", "Started", "Status", "Label"), rows);
        }
        pane.blank().hint("Press <Enter> to filter and open runs.");
    }

    @Override
    public void activate(Console console) {
        console.run("read the suites", () -> console.client().get("api/v1/suites"), suites -> {
            List<String> suiteIds = new ArrayList<>(List.of("any"));
            suites.forEach(suite -> suiteIds.add(suite.path("id").asText()));
            Object page = FormDialog.show(console, "Filter the history", "Leave a field empty (or 'any') to take every run.",
                List.of(
                    Field.text("label", "Label", "", Field.optional(BenchmarksFeature.MAX_LABEL)),
                    Field.choice("suite", "Suite", suiteIds, "any"),
                    Field.choice("status", "Status", STATUSES, "any"),
                    Field.text("since", "Since (YYYY-MM-DD)", "", HistoryFeature::date)),
                values -> console.client().get("api/v1/runs" + DaemonClient.query("label", values.get("label").strip(),
                    "suite", any(values.get("suite")), "status", any(values.get("status")), "since", values.get("since").strip(),
                    "limit", Integer.toString(LIST_LIMIT))));
            if (page instanceof JsonNode runs) {
                list(console, runs);
            }
        });
    }

    private static void list(Console console, JsonNode page) {
        List<JsonNode> runs = new ArrayList<>();
        page.path("runs").forEach(runs::add);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode run : runs) {
            rows.add(List.of(Long.toString(run.path("id").asLong()), Text.when(run.path("startedAt")), run.path("suite").asText(),
                run.path("status").asText(), Integer.toString(run.path("trials").asInt()), run.path("label").asText()));
        }
        String intro = runs.size() + " of " + page.path("total").asLong() + " runs, newest first.";
        TableWindow window = new TableWindow(console, "History", intro, List.of("Run", "Started", "Suite", "Status", "Trials", "Label"),
            rows, "Details", row -> detail(console, runs.get(row).path("id").asLong()));
        window.key('d', "Delete", TableWindow.onRow(row -> delete(console, window, runs.get(row).path("id").asLong())));
        window.show(console);
    }

    private static void detail(Console console, long id) {
        console.run("read run " + id, () -> console.client().get("api/v1/runs/" + id), record -> {
            TextWindow.show(console, "Run " + id, describe(record));
        });
    }

    /** A run as its detail page shows it: what, where, and per metric the statistics of its trials. */
    static Pane describe(JsonNode record) {
        JsonNode run = record.path("run");
        JsonNode environment = record.path("environment");
        Pane pane = new Pane().title("Run " + run.path("id").asLong() + ": " + run.path("label").asText()).blank()
            .field("Suite", run.path("suite").asText())
            .field("Status", run.path("status").asText() + (run.hasNonNull("error") ? " (" + run.get("error").asText() + ")" : ""))
            .field("Started", Text.when(run.path("startedAt")))
            .field("Finished", Text.when(run.path("finishedAt")))
            .field("Trials", run.path("trials").asInt())
            .field("Hypervisor", environment.path("hypervisor").asText() + (environment.hasNonNull("guestType")
                ? " " + environment.get("guestType").asText() : ""))
            .field("CPU", environment.path("cpuCount").asInt() + " x " + environment.path("cpuModel").asText())
            .field("Memory", Text.bytes(environment.path("memoryBytes").asLong()))
            .field("Kernel", environment.path("kernel").asText())
            .blank().title("Results");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode result : record.path("results")) {
            JsonNode summary = result.path("summary");
            rows.add(List.of(result.path("test").asText(),
                Text.cut(result.path("metric").asText() + " (" + result.path("unit").asText() + ")", METRIC_WIDTH),
                Text.number(summary.path("mean").asDouble()), Text.number(summary.path("sd").asDouble()),
                String.format(java.util.Locale.ROOT, "%.1f", summary.path("percentSd").asDouble()),
                Integer.toString(summary.path("n").asInt())));
        }
        if (rows.isEmpty()) {
            pane.text("No completed trial.");
        } else {
            pane.table(List.of("Test", "Metric", "Mean", "SD", "%SD", "n"), rows);
        }
        return pane;
    }

    private static void delete(Console console, TableWindow window, long id) {
        if (console.confirm("Delete run " + id, "Delete run " + id + " and its trials from the history? This cannot be undone.")) {
            console.run("delete run " + id, () -> console.client().delete("api/v1/runs/" + id), nothing -> {
                window.close();
                console.hot().invalidateAll();
                console.announce("Run " + id + " deleted.");
            });
        }
    }

    private static String any(String value) {
        return value.equals("any") ? "" : value;
    }

    private static String date(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate.parse(text);
            return null;
        } catch (DateTimeParseException e) {
            return "not a date: write it as 2026-11-25";
        }
    }
}
