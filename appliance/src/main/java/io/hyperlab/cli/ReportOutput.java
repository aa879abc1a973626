package io.hyperlab.cli;

import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.report.ReportFormat;
import io.hyperlab.report.ReportFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/** The options of compare and export that choose a report's format and where it goes: standard output, or a file written whole or not at all. */
final class ReportOutput {
    interface Writing {
        void to(ReportFormat format, OutputStream out) throws IOException;
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, md, csv, json, html or pts (composite.xml); compare's default is table.")
    String format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    /** The format asked for: --json is --format json; both may be given only if they agree. */
    ReportFormat format(String fallback) {
        if (json && format != null && !format.equals("json")) {
            throw new InvalidInputException("--json asks for JSON but --format asks for " + format + "; give one of them");
        }
        String id = json ? "json" : format != null ? format : fallback;
        if (id == null) {
            throw new InvalidInputException("choose a format with --format " + String.join("|", ReportFormats.ids()) + " (or --json)");
        }
        return ReportFormats.get(id);
    }

    /** Writes to the --output file (through a temporary file beside it, so a failure leaves no half file), or to {@code out}. */
    void write(ReportFormat chosen, PrintWriter out, Writing writing) {
        Path file = output;
        try {
            if (file == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                writing.to(chosen, bytes);
                out.print(bytes.toString(StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            Path folder = file.toAbsolutePath().getParent();
            Path temporary = Files.createTempFile(folder, ".hyperlab-", ".tmp");
            try {
                try (OutputStream stream = Files.newOutputStream(temporary)) {
                    writing.to(chosen, stream);
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new HyperLabException("cannot write " + (file == null ? "the report" : file) + ": " + e.getMessage()
                + "; choose another --output");
        }
    }
}
