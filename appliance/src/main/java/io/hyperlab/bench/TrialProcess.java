package io.hyperlab.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.HyperLabException;
import io.hyperlab.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The child JVM of one trial: {@code TrialProcess BENCHMARK SETTINGS_JSON}. It speaks the
 * protocol of {@link TrialLauncher} on standard output and ends when its parent does.
 */
public final class TrialProcess {
    private TrialProcess() {
    }

    public static void main(String[] args) {
        // Ctrl-C in a terminal reaches the whole process group: the parent decides whether the trial stops.
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        exitWithParent();
        PrintStream protocol = System.out;
        System.setOut(System.err);
        int exit;
        try {
            Benchmark benchmark = Benchmarks.get(args[0]);
            BenchSettings settings = Json.MAPPER.readValue(args[1], BenchSettings.class);
            Map<String, Double> result = benchmark.runTrial(settings, (metric, value) -> {
                ObjectNode message = Json.MAPPER.createObjectNode();
                message.putObject("progress").put("metric", metric).put("value", value);
                send(protocol, message);
            });
            ObjectNode message = Json.MAPPER.createObjectNode();
            ObjectNode values = message.putObject("result");
            result.forEach(values::put);
            send(protocol, message);
            exit = 0;
        } catch (HyperLabException e) {
            sendError(protocol, e.getMessage());
            exit = 1;
        } catch (OutOfMemoryError e) {
            sendError(protocol, "the trial ran out of memory (" + e.getMessage() + ")");
            exit = 1;
        } catch (Exception e) {
            sendError(protocol, "the trial failed: " + e);
            exit = 1;
        }
        protocol.flush();
        System.exit(exit);
    }

    /** The parent holds our standard input open; when it goes (even by kill -9), so do we. */
    private static void exitWithParent() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The parent never writes; anything read is ignored.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as end of file.
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void sendError(PrintStream protocol, String text) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("error", text);
        send(protocol, message);
    }

    private static void send(PrintStream protocol, ObjectNode message) {
        try {
            protocol.println(Json.MAPPER.writeValueAsString(message));
            protocol.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
