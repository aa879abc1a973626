package io.hyperlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperlab.Json;
import java.io.IOException;
import java.io.OutputStream;

/** JSON: a comparison as its records; an export in HyperLab's export format, which {@code hyperlab import} reads back. */
final class JsonFormat implements ReportFormat {
    @Override
    public String id() {
        return "json";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void write(Comparison comparison, OutputStream out) throws IOException {
        writeValue(comparison, out);
    }

    @Override
    public void write(Export export, OutputStream out) throws IOException {
        writeValue(export, out);
    }

    private static void writeValue(Object value, OutputStream out) throws IOException {
        Json.MAPPER.writer().withDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
        out.write('\n');
        out.flush();
    }
}
