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

/** Where compare and export write a report: standard output, or a file written whole or not at all. */
final class ReportOutput {
    interface Writing {
        void to(ReportFormat format, OutputStream out) throws IOException;
    }

    private ReportOutput() {
    }

    /** The format asked for: --json is --format json; both may be given only if they agree. */
    static ReportFormat format(String format, boolean json, String fallback) {
        if (json && format != null && !format.equals("json")) {
            throw new InvalidInputException("--json asks for JSON but --format asks for " + format + "; give one of them");
        }
        String id = json ? "json" : format != null ? format : fallback;
        if (id == null) {
            throw new InvalidInputException("choose a format with --format " + String.join("|", ReportFormats.ids()) + " (or --json)");
        }
        return ReportFormats.get(id);
    }

    /** Writes to {@code file} (through a temporary file beside it, so a failure leaves no half file), or to {@code out}. */
    static void write(ReportFormat format, Path file, PrintWriter out, Writing writing) {
        try {
            if (file == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                writing.to(format, bytes);
                out.print(bytes.toString(StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            Path folder = file.toAbsolutePath().getParent();
            Path temporary = Files.createTempFile(folder, ".hyperlab-", ".tmp");
            try {
                try (OutputStream stream = Files.newOutputStream(temporary)) {
                    writing.to(format, stream);
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
