package io.hyperlab.report;

import io.hyperlab.history.Measurement;
import io.hyperlab.history.Trial;
import io.hyperlab.report.Document.Bar;
import io.hyperlab.report.Document.Block;
import io.hyperlab.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An export as a document: per run, what ran where, then per test its statistics, trials and a chart of the means. */
final class ExportView {
    private ExportView() {
    }

    static Document of(Export export, boolean withCharts) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Document.Text(export.runs().size() + (export.runs().size() == 1 ? " run" : " runs") + " exported "
            + export.exportedAt() + " by HyperLab " + export.hyperlab() + "."));
        for (Export.Run run : export.runs()) {
            blocks.add(new Document.Heading(2, "Run " + run.id() + ": " + run.label() + " (" + run.status().id() + ")"));
            List<String> facts = new ArrayList<>();
            facts.add("Suite " + run.suite() + ", started " + run.startedAt() + (run.finishedAt() == null ? "" : ", finished " + run.finishedAt()));
            if (run.environment() != null) {
                facts.add("Machine: " + SideEnvironment.of(run.environment()).describe());
            }
            if (run.imported() != null) {
                facts.add("Imported from " + run.imported().file() + " (" + run.imported().source() + ") on " + run.imported().at());
            }
            if (run.error() != null) {
                facts.add("Error: " + run.error());
            }
            blocks.add(new Document.Bullets(facts));
            for (Map.Entry<String, List<Trial>> test : byTest(run.trials()).entrySet()) {
                blocks.add(new Document.Heading(3, test.getKey()));
                testBlocks(test.getValue(), withCharts, blocks);
            }
        }
        return new Document("HyperLab export" + (export.label() == null ? "" : ": " + export.label()), blocks);
    }

    private static void testBlocks(List<Trial> trials, boolean withCharts, List<Block> blocks) {
        Map<String, List<Measurement>> byMetric = new LinkedHashMap<>();
        for (Trial trial : trials) {
            for (Measurement m : trial.measurements()) {
                byMetric.computeIfAbsent(m.metric(), k -> new ArrayList<>()).add(m);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        byMetric.forEach((metric, measurements) -> {
            Summary s = Summary.of(measurements.stream().map(Measurement::value).toList());
            rows.add(List.of(metric, measurements.get(0).unit(), String.valueOf(s.n()), Numbers.value(s.mean()), Numbers.value(s.sd()),
                Numbers.plainPercent(s.percentSd()), Numbers.value(s.min()), Numbers.value(s.max()),
                measurements.stream().map(m -> Numbers.value(m.value())).collect(Collectors.joining(" "))));
            bars.add(new Bar(metric, s.mean(), s.n() > 1 ? s.min() : null, s.n() > 1 ? s.max() : null));
        });
        blocks.add(new Document.Grid(List.of("Metric", "Unit", ">n", ">Mean", ">SD", ">%SD", ">Min", ">Max", "Trials"), rows));
        long units = byMetric.values().stream().map(m -> m.get(0).unit()).distinct().count();
        if (withCharts && units == 1) {
            String unit = byMetric.values().iterator().next().get(0).unit();
            blocks.add(new Document.Chart("Means (" + unit + "; whiskers: min to max)", unit, bars));
        }
    }

    private static Map<String, List<Trial>> byTest(List<Trial> trials) {
        Map<String, List<Trial>> byTest = new LinkedHashMap<>();
        for (Trial trial : trials) {
            byTest.computeIfAbsent(trial.test(), k -> new ArrayList<>()).add(trial);
        }
        return byTest;
    }
}
