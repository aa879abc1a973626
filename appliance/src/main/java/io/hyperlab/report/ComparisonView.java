package io.hyperlab.report;

import io.hyperlab.report.Comparison.Difference;
import io.hyperlab.report.Comparison.Row;
import io.hyperlab.report.Comparison.SideInfo;
import io.hyperlab.report.Comparison.SideStats;
import io.hyperlab.report.Comparison.Verdict;
import io.hyperlab.report.Document.Bar;
import io.hyperlab.report.Document.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A comparison as a document: the sides, the warnings, then per group the statistics, the differences and a chart per metric. */
final class ComparisonView {
    private ComparisonView() {
    }

    static Document of(Comparison comparison, boolean withCharts) {
        List<Block> blocks = new ArrayList<>();
        String baseline = comparison.baseline().name();
        blocks.add(new Document.Text("Baseline: " + baseline + ". Each difference is a side's mean against the baseline's, in percent"
            + " of the baseline's mean; Welch's t-test at alpha = " + Numbers.value(comparison.alpha())
            + " says whether it is beyond noise (\"within noise\" when p >= alpha)."));
        blocks.add(new Document.Heading(2, "Sides"));
        List<String> sides = new ArrayList<>();
        for (SideInfo side : comparison.sides()) {
            String machines = side.environments().stream().map(SideEnvironment::describe).collect(Collectors.joining("; "));
            String description = side.description().endsWith(".") ? side.description().substring(0, side.description().length() - 1)
                : side.description();
            sides.add(side.name() + (side.name().equals(baseline) ? " (baseline)" : "") + ": " + description
                + (machines.isEmpty() ? "" : ". Machine: " + machines));
        }
        blocks.add(new Document.Bullets(sides));
        if (!comparison.flags().isEmpty()) {
            blocks.add(new Document.Heading(2, "Warnings"));
            blocks.add(new Document.Bullets(comparison.flags().stream().map(Comparison.Flag::message).toList()));
        }
        for (Group group : comparison.groups()) {
            blocks.add(new Document.Heading(2, group.title));
            List<Row> rows = comparison.rows(group);
            blocks.add(statistics(rows));
            if (rows.stream().anyMatch(row -> !row.differences().isEmpty())) {
                blocks.add(differences(rows));
            }
            if (withCharts) {
                rows.forEach(row -> blocks.add(chart(row)));
            }
        }
        if (comparison.rows().stream().flatMap(row -> row.differences().stream()).anyMatch(d -> d.verdict() == Verdict.UNTESTED)) {
            blocks.add(new Document.Text("A side with n = 1 (a published value) has no spread: its differences are shown, not tested."));
        }
        String title = "HyperLab comparison: " + comparison.sides().stream().map(SideInfo::name).collect(Collectors.joining(" vs "));
        return new Document(title, blocks);
    }

    private static Block statistics(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            boolean first = true;
            for (SideStats s : row.sides()) {
                cells.add(List.of(first ? row.metric() : "", first ? row.unit() : "", s.side(), String.valueOf(s.n()),
                    Numbers.value(s.mean()), s.n() > 1 ? Numbers.value(s.sd()) : "", s.n() > 1 ? Numbers.plainPercent(s.percentSd()) : "",
                    Numbers.value(s.min()), Numbers.value(s.max()), Numbers.interval(s.ci95())));
                first = false;
            }
        }
        return new Document.Grid(List.of("Metric", "Unit", "Side", ">n", ">Mean", ">SD", ">%SD", ">Min", ">Max", ">95% CI of mean"), cells);
    }

    private static Block differences(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            for (Difference d : row.differences()) {
                cells.add(List.of(row.metric(), (row.higherIsBetter() ? "higher" : "lower") + " is better", d.side(),
                    Numbers.percent(d.percent()), Numbers.percentInterval(d.percentCi95()), Numbers.p(d.p()), d.verdict().text,
                    d.better() == null ? "equal" : d.better()));
            }
        }
        return new Document.Grid(List.of("Metric", "Direction", "Side vs baseline", ">Difference", ">95% CI", ">p", "Verdict",
            "Better by the means"), cells);
    }

    private static Block chart(Row row) {
        List<Bar> bars = row.sides().stream()
            .map(s -> new Bar(s.side(), s.mean(), s.ci95() == null ? null : s.ci95().low(), s.ci95() == null ? null : s.ci95().high()))
            .toList();
        return new Document.Chart(row.metric() + " (" + row.unit() + ", " + (row.higherIsBetter() ? "higher" : "lower")
            + " is better; whiskers: 95% CI of the mean)", row.unit().toLowerCase(Locale.ROOT), bars);
    }
}
