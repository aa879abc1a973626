package io.hyperlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperlab.Json;
import java.io.PrintWriter;

/** Writing data as JSON for scripts: one pretty-printed document per command. */
final class Output {
    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
