package io.hyperlab.report;

import io.hyperlab.InvalidInputException;
import io.hyperlab.history.History;
import io.hyperlab.report.Comparison.Difference;
import io.hyperlab.report.Comparison.Row;
import io.hyperlab.report.Comparison.SideInfo;
import io.hyperlab.report.Comparison.SideStats;
import io.hyperlab.report.Comparison.Verdict;
import io.hyperlab.stats.ConfidenceInterval;
import io.hyperlab.stats.Summary;
import io.hyperlab.stats.WelchTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds comparisons: the entry point the command line, the API and the console share. */
public final class Comparisons {
    public static final double DEFAULT_ALPHA = 0.05;

    private Comparisons() {
    }

    /** Resolves each side (labels and runs from {@code history}, references built in) and compares them, the first as baseline. */
    public static Comparison compare(History history, List<Side> sides, double alpha) {
        checkAlpha(alpha);
        List<SideData> data = new ArrayList<>();
        for (Side side : sides) {
            if (side instanceof Side.Label label) {
                data.add(HistorySides.label(history, label.label()));
            } else if (side instanceof Side.Run run) {
                data.add(HistorySides.run(history, run.id()));
            } else if (side instanceof Side.Reference reference) {
                data.addAll(ReferenceDataset.get(reference.dataset()).sides(reference.side()));
            }
        }
        return compare(data, alpha);
    }

    /** Compares resolved sides, the first as baseline. */
    public static Comparison compare(List<SideData> sides, double alpha) {
        checkAlpha(alpha);
        if (sides.size() < 2) {
            throw new InvalidInputException("a comparison needs at least two sides, not " + sides.size()
                + ": give two labels (--label A --label B), two runs (--run 3 --run 7), a label and --reference "
                + ReferenceDataset.THESIS_2021 + ", or --reference " + ReferenceDataset.THESIS_2021 + " alone for the study's two sides");
        }
        Set<String> names = new HashSet<>();
        for (SideData side : sides) {
            if (!names.add(side.name())) {
                throw new InvalidInputException("\"" + side.name() + "\" is named twice in the comparison; name each side once");
            }
        }
        List<Row> rows = rows(sides, alpha);
        List<SideInfo> infos = sides.stream()
            .map(s -> new SideInfo(s.name(), s.kind(), s.description(), s.runIds(), s.environments()))
            .toList();
        List<Comparison.Flag> flags = new ArrayList<>(FairnessChecks.check(sides, rows));
        flags.addAll(unitClashes(sides));
        return new Comparison(infos, alpha, rows, flags);
    }

    private static List<Row> rows(List<SideData> sides, double alpha) {
        record Key(String test, String metric) {
        }
        Map<Key, MetricValues> first = new LinkedHashMap<>();
        for (SideData side : sides) {
            for (MetricValues values : side.results()) {
                first.putIfAbsent(new Key(values.test(), values.metric()), values);
            }
        }
        SideData baseline = sides.get(0);
        List<Row> rows = new ArrayList<>();
        first.forEach((key, shape) -> {
            List<SideStats> stats = new ArrayList<>();
            for (SideData side : sides) {
                MetricValues values = side.find(key.test(), key.metric());
                if (values != null) {
                    stats.add(stats(side.name(), values.values()));
                }
            }
            List<Difference> differences = new ArrayList<>();
            MetricValues base = baseline.find(key.test(), key.metric());
            for (SideData side : sides.subList(1, sides.size())) {
                MetricValues other = side.find(key.test(), key.metric());
                if (base != null && other != null && sameKind(base, other)) {
                    differences.add(difference(side.name(), baseline.name(), other.values(), base.values(), shape.higherIsBetter(), alpha));
                }
            }
            rows.add(new Row(Group.of(key.test()), key.test(), key.metric(), shape.unit(), shape.higherIsBetter(), stats, differences));
        });
        rows.sort(Comparator.comparing(Row::group));
        return rows;
    }

    private static SideStats stats(String side, List<Double> values) {
        Summary s = Summary.of(values);
        return new SideStats(side, s.n(), s.mean(), s.sd(), s.percentSd(), s.min(), s.max(),
            ConfidenceInterval.ofMean(s, ConfidenceInterval.DEFAULT_LEVEL).orElse(null), values);
    }

    /** {@code side} against the baseline: percent of the baseline's mean, Welch's test, the verdict for the metric's direction. */
    static Difference difference(String side, String against, List<Double> values, List<Double> baselineValues,
                                 boolean higherIsBetter, double alpha) {
        Summary other = Summary.of(values);
        Summary base = Summary.of(baselineValues);
        double scale = base.mean() == 0 ? Double.NaN : 100 / Math.abs(base.mean());
        Double percent = Double.isNaN(scale) ? null : (other.mean() - base.mean()) * scale;
        String better = other.mean() == base.mean() ? null
            : (other.mean() > base.mean()) == higherIsBetter ? side : against;
        Optional<WelchTest> test = WelchTest.of(other, base);
        if (test.isEmpty()) {
            return new Difference(side, against, percent, null, null, null, null, Verdict.UNTESTED, better);
        }
        WelchTest welch = test.get();
        ConfidenceInterval interval = Double.isNaN(scale) ? null
            : welch.differenceInterval(ConfidenceInterval.DEFAULT_LEVEL).scaled(scale);
        Verdict verdict = welch.p() >= alpha || better == null ? Verdict.WITHIN_NOISE
            : better.equals(side) ? Verdict.BETTER : Verdict.WORSE;
        return new Difference(side, against, percent, interval, welch.t(), welch.df(), welch.p(), verdict, better);
    }

    private static boolean sameKind(MetricValues a, MetricValues b) {
        return a.unit().equalsIgnoreCase(b.unit()) && a.higherIsBetter() == b.higherIsBetter();
    }

    private static List<Comparison.Flag> unitClashes(List<SideData> sides) {
        List<Comparison.Flag> flags = new ArrayList<>();
        SideData baseline = sides.get(0);
        for (MetricValues base : baseline.results()) {
            for (SideData side : sides.subList(1, sides.size())) {
                MetricValues other = side.find(base.test(), base.metric());
                if (other != null && !sameKind(base, other)) {
                    flags.add(new Comparison.Flag("unit", base.test() + " " + base.metric() + " is in " + base.unit()
                        + (base.higherIsBetter() ? " (higher is better)" : " (lower is better)") + " on " + baseline.name() + " but in "
                        + other.unit() + (other.higherIsBetter() ? " (higher is better)" : " (lower is better)") + " on " + side.name()
                        + "; these values are not compared"));
                }
            }
        }
        return flags;
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidInputException("the significance level (alpha) must be between 0 and 1, e.g. 0.05 or 0.01, not " + alpha);
        }
    }
}
