package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.DaemonClient;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Field;
import io.hyperlab.console.FieldError;
import io.hyperlab.console.FormDialog;
import io.hyperlab.console.Pane;
import io.hyperlab.console.Text;
import io.hyperlab.console.TextWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compare: two labels, or a label and the study's published figures, side by side per metric
 * with the difference, which side is better and whether it is significant (Welch's t-test), as
 * the daemon's comparison computes them.
 */
final class CompareFeature implements Feature {
    static final String LABELS = "api/v1/labels";
    /** The shipped reference, as the compare route names it, and how the form shows it. */
    static final Map<String, String> REFERENCES = Map.of(
        "study: XenServer", "thesis-2021:xenserver",
        "study: KVM", "thesis-2021:kvm");
    private static final int METRIC_WIDTH = 26;

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Compare", 80, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Compare").blank();
        JsonNode labels = pane.item(console.hot().get(LABELS), "the labels");
        if (labels == null) {
            return;
        }
        pane.field("Labels", labels.size());
        for (int i = 0; i < Math.min(5, labels.size()); i++) {
            pane.text("  " + labels.get(i).asText());
        }
        pane.blank().hint("Press <Enter> to compare two labels, or one with the study's XenServer or KVM figures.");
    }

    @Override
    public void activate(Console console) {
        console.run("read the labels", () -> console.client().get(LABELS), labels -> {
            List<String> sides = new ArrayList<>();
            labels.forEach(label -> sides.add(label.asText()));
            List<String> references = List.of("study: XenServer", "study: KVM");
            List<String> against = new ArrayList<>(sides);
            against.addAll(references);
            if (sides.isEmpty()) {
                console.message("Compare", "The history has no labelled run yet: run a benchmark first (Benchmarks).");
                return;
            }
            Object comparison = FormDialog.show(console, "Compare", "The first side is the baseline: differences are in percent of it.",
                List.of(
                    Field.choice("baseline", "Baseline", sides, sides.get(0)),
                    Field.choice("other", "Compare with", against, sides.size() > 1 ? sides.get(1) : references.get(0))),
                values -> {
                    if (values.get("baseline").equals(values.get("other"))) {
                        throw new FieldError("other", "the same label twice: choose another side");
                    }
                    return console.client().get("api/v1/compare" + query(values.get("baseline"), values.get("other")));
                });
            if (comparison instanceof JsonNode result) {
                TextWindow.show(console, "Compare", describe(result));
            }
        });
    }

    private static String query(String baseline, String other) {
        String first = DaemonClient.query("label", baseline);
        String reference = REFERENCES.get(other);
        String second = reference != null ? DaemonClient.query("reference", reference) : DaemonClient.query("label", other);
        return first + "&" + second.substring(1);
    }

    /** The comparison as a page: the sides, then per metric both means, the difference and the verdict, then the flags. */
    static Pane describe(JsonNode comparison) {
        Pane pane = new Pane().title("Comparison").blank();
        JsonNode sides = comparison.path("sides");
        String baseline = sides.path(0).path("name").asText();
        String other = sides.path(1).path("name").asText();
        pane.field("Baseline (A)", baseline + " - " + sides.path(0).path("description").asText());
        pane.field("Compared (B)", other + " - " + sides.path(1).path("description").asText());
        pane.field("Significance", "Welch's t-test, alpha " + comparison.path("alpha").asDouble());
        pane.blank();
        List<List<String>> rows = new ArrayList<>();
        String group = null;
        for (JsonNode row : comparison.path("rows")) {
            if (!row.path("groupTitle").asText().equals(group)) {
                group = row.path("groupTitle").asText();
                rows.add(List.of(Text.cut(group, METRIC_WIDTH), "", "", "", ""));
            }
            JsonNode a = side(row, baseline);
            JsonNode b = side(row, other);
            JsonNode difference = row.path("differences").path(0);
            rows.add(List.of(
                " " + Text.cut(row.path("metric").asText() + " (" + row.path("unit").asText() + ")", METRIC_WIDTH - 1),
                a == null ? "-" : Text.number(a.path("mean").asDouble()),
                b == null ? "-" : Text.number(b.path("mean").asDouble()),
                difference.hasNonNull("percent") ? String.format(Locale.ROOT, "%+.1f%%", difference.get("percent").asDouble()) : "-",
                verdict(difference)));
        }
        pane.table(List.of("Metric", "A", "B", "B vs A", "Verdict"), rows);
        for (JsonNode flag : comparison.path("flags")) {
            pane.blank().error(flag.path("message").asText());
        }
        return pane;
    }

    private static JsonNode side(JsonNode row, String name) {
        for (JsonNode side : row.path("sides")) {
            if (side.path("side").asText().equals(name)) {
                return side;
            }
        }
        return null;
    }

    private static String verdict(JsonNode difference) {
        return switch (difference.path("verdict").asText()) {
            case "better" -> "B better";
            case "worse" -> "B worse";
            case "within-noise" -> "noise";
            case "untested" -> "untested";
            default -> difference.path("verdict").asText("-");
        };
    }
}
