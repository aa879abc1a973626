package io.hyperlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.BenchmarkFailure;
import io.hyperlab.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.ObjDoubleConsumer;

/**
 * Runs each trial in a child JVM sized for it, so the large arrays of a benchmark never live in
 * the long-lived process and a crash takes only the trial down. The child ({@link TrialProcess})
 * reports on its standard output, one JSON object a line: {@code {"progress":{"metric":..,"value":..}}},
 * then {@code {"result":{metric: value, ...}}} or {@code {"error":"..."}}.
 */
public final class TrialLauncher implements TrialRunner {
    private static final int STDERR_LINES_KEPT = 20;
    private static final long YOUNG_GENERATION = 32L << 20;

    private final String java;
    private final String classpath;

    public TrialLauncher(String java, String classpath) {
        this.java = java;
        this.classpath = classpath;
    }

    /** Children run on the same Java and classes as this process. */
    public static TrialLauncher sameJvm() {
        return new TrialLauncher(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            System.getProperty("java.class.path"));
    }

    @Override
    public Map<String, Double> run(Benchmark benchmark, BenchSettings settings, ObjDoubleConsumer<String> progress,
                                   Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            throw new CancellationException();
        }
        Process process = start(benchmark, settings);
        Deque<String> stderr = new ArrayDeque<>();
        Thread stderrReader = drain(process, stderr);
        try (Cancellation.Registration ignored = cancellation.onCancel(process::destroyForcibly)) {
            Map<String, Double> result = null;
            String error = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    JsonNode message = parse(line);
                    if (message.has("progress")) {
                        JsonNode p = message.get("progress");
                        progress.accept(p.get("metric").asText(), p.get("value").asDouble());
                    } else if (message.has("result")) {
                        result = new LinkedHashMap<>();
                        for (Map.Entry<String, JsonNode> entry : iterable(message.get("result"))) {
                            result.put(entry.getKey(), entry.getValue().asDouble());
                        }
                    } else if (message.has("error")) {
                        error = message.get("error").asText();
                    }
                }
            } catch (IOException e) {
                if (!cancellation.isCancelled()) {
                    throw new UncheckedIOException("lost the " + benchmark.name() + " trial process's output", e);
                }
            }
            int exit = process.waitFor();
            stderrReader.join();
            if (cancellation.isCancelled()) {
                throw new CancellationException();
            }
            if (error != null) {
                throw new BenchmarkFailure(error);
            }
            if (exit != 0 || result == null) {
                throw new BenchmarkFailure("the " + benchmark.name() + " trial process ended with exit code " + exit
                    + " and no result" + (stderr.isEmpty() ? "" : ": " + String.join(" | ", stderr)));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } finally {
            process.destroyForcibly();
        }
    }

    /** The command that runs one trial: the heap sized for it, a small young generation so the big arrays go straight to the old one. */
    List<String> command(Benchmark benchmark, BenchSettings settings) {
        long heapMiB = (benchmark.heapBytes(settings) + YOUNG_GENERATION + (1 << 20) - 1) >> 20;
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xms" + heapMiB + "m");
        command.add("-Xmx" + heapMiB + "m");
        command.add("-Xmn" + (YOUNG_GENERATION >> 20) + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        // The network tests read TCP_INFO through the socket's descriptor (bench/net TcpInfo).
        command.add("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("-cp");
        command.add(classpath);
        command.add(TrialProcess.class.getName());
        command.add(benchmark.name());
        try {
            command.add(Json.MAPPER.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write benchmark settings", e);
        }
        return command;
    }

    private Process start(Benchmark benchmark, BenchSettings settings) {
        try {
            return new ProcessBuilder(command(benchmark, settings)).start();
        } catch (IOException e) {
            throw new BenchmarkFailure("cannot start a Java process for the " + benchmark.name() + " trial (" + java + "): "
                + e.getMessage());
        }
    }

    private static Thread drain(Process process, Deque<String> lastLines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    synchronized (lastLines) {
                        lastLines.addLast(line.strip());
                        if (lastLines.size() > STDERR_LINES_KEPT) {
                            lastLines.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // The process is gone; what was read is all there is.
            }
        }, "trial-stderr");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static JsonNode parse(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BenchmarkFailure("the trial process wrote something that is not its protocol: " + line);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
