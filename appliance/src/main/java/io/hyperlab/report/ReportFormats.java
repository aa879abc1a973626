package io.hyperlab.report;

import io.hyperlab.InvalidInputException;
import java.util.List;

/** Every report format, by id. */
public final class ReportFormats {
    private static final List<ReportFormat> ALL = List.of(new TableFormat(), new MarkdownFormat(), new CsvFormat(),
        new JsonFormat(), new HtmlFormat(), new PtsFormat());

    private ReportFormats() {
    }

    public static ReportFormat get(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() ->
            new InvalidInputException("unknown format '" + id + "': choose " + String.join(", ", ids())));
    }

    public static List<String> ids() {
        return ALL.stream().map(ReportFormat::id).toList();
    }
}
