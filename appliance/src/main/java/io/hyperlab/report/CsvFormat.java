package io.hyperlab.report;

import io.hyperlab.history.Measurement;
import io.hyperlab.history.Trial;
import io.hyperlab.report.Comparison.Difference;
import io.hyperlab.report.Comparison.Row;
import io.hyperlab.report.Comparison.SideStats;
import io.hyperlab.stats.ConfidenceInterval;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV with a header line and numbers at full precision: a comparison as one line per
 * metric and side (the difference on the non-baseline sides' lines), an export as one line per
 * measured value. Text that a spreadsheet would run as a formula gets a leading apostrophe.
 */
final class CsvFormat implements ReportFormat {
    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public void write(Comparison comparison, OutputStream out) throws IOException {
        Writer writer = writer(out);
        line(writer, "group", "test", "metric", "unit", "higher_is_better", "side", "baseline", "n", "mean", "sd", "percent_sd",
            "min", "max", "ci95_low", "ci95_high", "difference_percent", "difference_ci95_low", "difference_ci95_high",
            "t", "df", "p", "verdict", "better", "values");
        for (Row row : comparison.rows()) {
            for (SideStats s : row.sides()) {
                Difference d = row.differences().stream().filter(x -> x.side().equals(s.side())).findFirst().orElse(null);
                ConfidenceInterval dci = d == null ? null : d.percentCi95();
                line(writer, row.group().id(), text(row.test()), text(row.metric()), text(row.unit()), String.valueOf(row.higherIsBetter()),
                    text(s.side()), String.valueOf(s.side().equals(comparison.baseline().name())), String.valueOf(s.n()),
                    Numbers.raw(s.mean()), Numbers.raw(s.sd()), Numbers.raw(s.percentSd()), Numbers.raw(s.min()), Numbers.raw(s.max()),
                    bound(s.ci95(), ConfidenceInterval::low), bound(s.ci95(), ConfidenceInterval::high),
                    d == null ? "" : raw(d.percent()), bound(dci, ConfidenceInterval::low), bound(dci, ConfidenceInterval::high),
                    d == null ? "" : raw(d.t()), d == null ? "" : raw(d.df()), d == null ? "" : raw(d.p()),
                    d == null ? "" : d.verdict().id(), d == null || d.better() == null ? "" : text(d.better()),
                    s.values().stream().map(Numbers::raw).collect(Collectors.joining(" ")));
            }
        }
        writer.flush();
    }

    @Override
    public void write(Export export, OutputStream out) throws IOException {
        Writer writer = writer(out);
        line(writer, "run_id", "run_uid", "label", "suite", "status", "test", "trial", "metric", "unit", "higher_is_better", "value",
            "trial_started_at", "trial_finished_at");
        for (Export.Run run : export.runs()) {
            for (Trial trial : run.trials()) {
                for (Measurement m : trial.measurements()) {
                    line(writer, String.valueOf(run.id()), run.uid(), text(run.label()), text(run.suite()), run.status().id(),
                        text(trial.test()), String.valueOf(trial.number()), text(m.metric()), text(m.unit()),
                        String.valueOf(m.higherIsBetter()), Numbers.raw(m.value()), trial.startedAt().toString(), trial.finishedAt().toString());
                }
            }
        }
        writer.flush();
    }

    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    private static void line(Writer writer, String... fields) throws IOException {
        List<String> quoted = new ArrayList<>();
        for (String field : fields) {
            quoted.add(field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        writer.write(String.join(",", quoted) + "\r\n");
    }

    /** User text (labels, names): a leading =, +, -, @ or tab would make a spreadsheet run it as a formula. */
    private static String text(String value) {
        return !value.isEmpty() && "=+-@\t".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String raw(Double value) {
        return value == null ? "" : Numbers.raw(value);
    }

    private static String bound(ConfidenceInterval ci, Function<ConfidenceInterval, Double> end) {
        return ci == null ? "" : Numbers.raw(end.apply(ci));
    }
}
