package io.hyperlab.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One way to write comparisons and exports: a terminal table, Markdown, CSV, JSON, a
 * self-contained HTML page, or a Phoronix Test Suite composite.xml. Each kind is its own class;
 * {@link ReportFormats} finds one by its id.
 */
public interface ReportFormat {
    /** The name a user types: table, md, csv, json, html or pts. */
    String id();

    /** The usual file name ending, without the dot. */
    String fileExtension();

    /** The media type an HTTP response carries. */
    String mediaType();

    void write(Comparison comparison, OutputStream out) throws IOException;

    void write(Export export, OutputStream out) throws IOException;
}
