package io.hyperlab.bench.net;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The real iperf3 binary (Debian's iperf3) as a test peer: a one-off server or a client, both with --json. */
public final class StockIperf3 {
    /** A finished iperf3 run: its exit code and its JSON document. */
    public record Run(int exit, JsonNode json, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + ", stderr " + stderr + ", json " + json;
        }
    }

    private StockIperf3() {
    }

    /** Skips the calling test, with the reason printed, where iperf3 is not installed. */
    public static void assumeInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= Files.isExecutable(Path.of(dir, "iperf3"));
        }
        if (!found) {
            System.out.println("SKIPPED: iperf3 is not installed (./hyperlab test installs it with apt-get)");
        }
        assumeTrue(found, "iperf3 is not installed (./hyperlab test installs it with apt-get)");
    }

    /** A port free for both TCP and UDP on loopback, as iperf3 needs both. */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException taken) {
                    // Try another.
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP");
    }

    /** Starts {@code iperf3 -s -1 --json} and waits until it listens. */
    public static Process server(int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("iperf3", "-s", "-1", "-J", "-B", "127.0.0.1", "-p", String.valueOf(port)).start();
        awaitListening(port, process::isAlive);
        return process;
    }

    /** Waits until something listens on the TCP port, while {@code alive} holds, for at most 10 s. */
    public static void awaitListening(int port, BooleanSupplier alive) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port)) {
            if (!alive.getAsBoolean() || System.nanoTime() > deadline) {
                throw new IOException("nothing listens on port " + port);
            }
            Thread.sleep(10);
        }
    }

    public static Run finish(Process process, int timeoutSeconds) throws IOException, InterruptedException {
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes());
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("iperf3 did not finish in " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), out.length == 0 ? null : Json.MAPPER.readTree(out), err);
    }

    /** Runs {@code iperf3 -c 127.0.0.1 -p PORT --json ARGS...} to its end. */
    static Run client(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("iperf3", "-c", "127.0.0.1", "-p", String.valueOf(port), "-J"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        return finish(process, 60);
    }

    /** Whether something listens on the TCP port (read from /proc, so as not to connect to it). */
    public static boolean listening(int port) throws IOException {
        String hex = String.format(Locale.ROOT, ":%04X ", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && (fields[1] + " ").endsWith(hex) && fields[3].equals("0A")) {
                    return true;
                }
            }
        }
        return false;
    }
}
