package io.hyperlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperlab.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The daemon's structured log: one JSON object a line on standard output (journald keeps it in
 * the appliance), each with {@code time}, {@code level}, {@code event}, a human {@code msg} and
 * the event's own fields. Libraries' java.util.logging records come out the same way.
 */
public final class Log {
    private final PrintStream out;

    public Log(PrintStream out) {
        this.out = out;
    }

    public void info(String event, String msg, Object... fields) {
        write("info", event, msg, fields);
    }

    public void warn(String event, String msg, Object... fields) {
        write("warn", event, msg, fields);
    }

    public void error(String event, String msg, Object... fields) {
        write("error", event, msg, fields);
    }

    /** Sends java.util.logging (Vert.x, Netty) through this log instead of standard error. */
    public void captureLibraryLogging() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(Level.INFO);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String level = record.getLevel().intValue() >= Level.SEVERE.intValue() ? "error"
                    : record.getLevel().intValue() >= Level.WARNING.intValue() ? "warn" : "info";
                Throwable thrown = record.getThrown();
                write(level, "library", record.getMessage(), "logger", record.getLoggerName(),
                    "exception", thrown == null ? null : thrown.toString());
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        });
    }

    private void write(String level, String event, String msg, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("log fields come in name, value pairs");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        line.put("msg", msg);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                line.put(String.valueOf(fields[i]), fields[i + 1]);
            }
        }
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            text = "{\"level\":\"error\",\"event\":\"log\",\"msg\":\"cannot write a log line as JSON\"}";
        }
        synchronized (out) {
            out.println(text);
        }
    }
}
