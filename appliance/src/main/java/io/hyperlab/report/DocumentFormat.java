package io.hyperlab.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A format that writes the shared {@link Document} of a comparison or an export: table, Markdown, HTML. */
abstract class DocumentFormat implements ReportFormat {

    /** Whether this format can draw the document's charts. */
    abstract boolean drawsCharts();

    abstract void render(Document document, Writer out) throws IOException;

    @Override
    public final void write(Comparison comparison, OutputStream out) throws IOException {
        write(ComparisonView.of(comparison, drawsCharts()), out);
    }

    @Override
    public final void write(Export export, OutputStream out) throws IOException {
        write(ExportView.of(export, drawsCharts()), out);
    }

    private void write(Document document, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        render(document, writer);
        writer.flush();
    }
}
