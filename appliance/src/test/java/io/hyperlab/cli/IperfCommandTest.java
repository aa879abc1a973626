package io.hyperlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.hyperlab.bench.net.IperfServer;
import io.hyperlab.bench.net.Reporter;
import io.hyperlab.bench.net.StockIperf3;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyperlab iperf3} and the network suite from the command line, against real iperf3 and our own server. */
class IperfCommandTest {
    @TempDir
    Path data;

    @Test
    void iperf3UsageErrorsExitTwoAndSayWhatIsAllowed() {
        assertUsage("give either --server or --client HOST", "iperf3");
        assertUsage("give either --server or --client HOST", "iperf3", "--server", "--client", "localhost");
        assertUsage("--one-off is a server option", "iperf3", "--client", "localhost", "--one-off");
        assertUsage("are client options", "iperf3", "--server", "--udp");
        assertUsage("'fast' is not a bitrate", "iperf3", "--client", "localhost", "--bitrate", "fast");
        assertUsage("give only one end condition", "iperf3", "--client", "localhost", "--time", "5", "--bytes", "1M");
        assertUsage("parallel streams must be from 1 to 128, not 0", "iperf3", "--client", "localhost", "--parallel", "0");
        assertUsage("UDP datagram length must be from 16 to 65507 bytes, not 8", "iperf3", "-c", "localhost", "-u", "-l", "8");
        assertUsage("the port must be from 1 to 65535, not 0", "iperf3", "--client", "localhost", "--port", "0");
    }

    @Test
    void clientThatCannotConnectFailsWithExitOne() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Cli cli = Cli.run("iperf3", "--client", "127.0.0.1", "--port", String.valueOf(port), "--time", "1");
        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("iperf3: error - unable to connect to server 127.0.0.1 port " + port), cli.toString());
        assertEquals("", cli.out(), "as iperf3: no 'Connecting to host' before a connection, no 'iperf Done.' after a failure");
    }

    @Test
    void clientJsonHasIperf3sLayoutAgainstStockServer() throws Exception {
        StockIperf3.assumeInstalled();
        int port = StockIperf3.freePort();
        Process stock = StockIperf3.server(port);
        try {
            Cli cli = Cli.run("iperf3", "--client", "127.0.0.1", "--port", String.valueOf(port), "--time", "1", "--json");
            assertEquals(0, cli.exit(), cli.toString());
            JsonNode json = Json.MAPPER.readTree(cli.out());
            assertFalse(json.has("error"), cli.out());
            assertEquals("127.0.0.1", json.at("/start/connecting_to/host").asText());
            assertEquals("TCP", json.at("/start/test_start/protocol").asText());
            assertTrue(json.at("/intervals/0/sum/bits_per_second").asDouble() > 0, cli.out());
            assertTrue(json.at("/end/sum_sent/bytes").asLong() > 0, cli.out());
            assertTrue(json.at("/end/sum_received/bytes").asLong() > 0, cli.out());
            assertTrue(json.at("/end/streams/0/sender/bytes").asLong() > 0, cli.out());
            assertTrue(json.at("/end/streams/0/receiver/bytes").asLong() > 0, cli.out());
            assertTrue(json.at("/end/cpu_utilization_percent").has("remote_total"), cli.out());
            StockIperf3.Run server = StockIperf3.finish(stock, 10);
            assertEquals(0, server.exit(), server.toString());
            assertEquals(json.at("/end/sum_received/bytes").asLong(), server.json().at("/end/sum_received/bytes").asLong());
        } finally {
            stock.destroyForcibly();
        }
    }

    @Test
    void oneOffServerServesAStockClientAndPrintsIperf3sLines() throws Exception {
        StockIperf3.assumeInstalled();
        int port = StockIperf3.freePort();
        CompletableFuture<Cli> server = CompletableFuture.supplyAsync(() -> Cli.run("iperf3", "--server", "--one-off", "--port", String.valueOf(port)));
        StockIperf3.awaitListening(port, () -> !server.isDone());
        Process stock = new ProcessBuilder("iperf3", "-c", "127.0.0.1", "-p", String.valueOf(port), "-t", "1", "-u", "-b", "50M").start();
        String stockOut = new String(stock.getInputStream().readAllBytes());
        assertTrue(stock.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, stock.exitValue(), stockOut);
        Cli cli = server.get(20, TimeUnit.SECONDS);
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("Server listening on " + port + " (test #1)"), cli.out());
        assertFalse(cli.out().contains("(test #2)"), "a one-off server announces no next test: " + cli.out());
        assertTrue(cli.out().contains("Accepted connection from 127.0.0.1"), cli.out());
        assertTrue(cli.out().matches("(?s).*Jitter\\s+Lost/Total Datagrams.*receiver.*"), cli.out());
        assertTrue(stockOut.contains("receiver"), stockOut);
    }

    @Test
    void networkSuiteWithoutPeerIsAUsageErrorAndStoresNothing() throws Exception {
        assertUsage("suite network needs --peer HOST[:PORT]", "--data", data.toString(), "bench", "--suite", "network");
        assertUsage("test iperf-tcp needs a peer", "--data", data.toString(), "bench", "--suite", "thesis", "--test", "iperf-tcp");
        assertUsage("is not a peer", "--data", data.toString(), "bench", "--suite", "network", "--peer", "a:b:c");
        assertUsage("the peer 'no-such-host.invalid' is not a known host", "--data", data.toString(), "bench", "--suite", "network",
            "--peer", "no-such-host.invalid");
        assertUsage("the network test time must be from 1", "--data", data.toString(), "bench", "--suite", "network",
            "--peer", "localhost", "--net-time", "0");
        assertEquals(0, Json.MAPPER.readTree(Cli.run("--data", data.toString(), "history", "list", "--json").out()).size());
    }

    @Test
    void thesisWithoutPeerRunsCpuAndMemoryWithANote() throws Exception {
        Cli cli = Cli.run("--data", data.toString(), "bench", "--suite", "thesis", "--size", "normal", "--min-time", "0.01",
            "--array-size", "1MiB", "--pass-size", "8MiB", "--trials", "1", "--label", "no peer", "--json");
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("Note: network tests skipped (iperf-tcp, iperf-udp): they need --peer HOST[:PORT]"), cli.err());
        JsonNode run = Json.MAPPER.readTree(cli.out());
        assertEquals(3, run.get("trials").size());
    }

    @Test
    void networkSuiteStoresEveryTestWithTheStudysNamesUnitsAndDirections() throws Exception {
        IperfServer peer = new IperfServer(InetAddress.getLoopbackAddress(), 0, IperfServer.Options.defaults(), () -> Reporter.NONE);
        peer.start();
        try {
            Cli cli = Cli.run("--data", data.toString(), "bench", "--suite", "network", "--peer", "127.0.0.1:" + peer.port(),
                "--net-time", "1", "--udp-bitrate", "50M", "--trials", "1", "--label", "KVM VM", "--json");
            assertEquals(0, cli.exit(), cli.toString());
            JsonNode run = Json.MAPPER.readTree(cli.out());
            assertEquals("completed", run.at("/run/status").asText());
            assertEquals(4, run.get("trials").size());
            assertEquals("127.0.0.1", run.at("/options/settings/network/host").asText(), "the peer is stored with the run");
            assertEquals(peer.port(), run.at("/options/settings/network/port").asInt());
            assertMetric(run, "iperf-tcp", "Transfer", "MB", true);
            assertMetric(run, "iperf-tcp", "Bandwidth", "Mbit/s", true);
            assertMetric(run, "iperf-udp", "Jitter", "ms", false);
            assertMetric(run, "iperf-udp", "Packet loss", "%", false);
            assertMetric(run, "iperf-udp-reverse", "Bandwidth", "Mbit/s", true);
            double udpBandwidth = value(run, "iperf-udp", "Bandwidth");
            assertTrue(udpBandwidth > 45 && udpBandwidth < 55, "UDP at 50 Mbit/s measured " + udpBandwidth);
            assertTrue(cli.err().contains("iperf-tcp trial 1/1"), cli.err());
            assertEquals(4, peer.tests());
        } finally {
            peer.stop();
        }
    }

    private static void assertMetric(JsonNode run, String test, String metric, String unit, boolean higherIsBetter) {
        for (JsonNode result : run.get("results")) {
            if (result.get("test").asText().equals(test) && result.get("metric").asText().equals(metric)) {
                assertEquals(unit, result.get("unit").asText());
                assertEquals(higherIsBetter, result.get("higherIsBetter").asBoolean(), result.toString());
                assertTrue(result.at("/summary/mean").asDouble() >= 0);
                return;
            }
        }
        throw new AssertionError("no " + test + " " + metric + " in " + run);
    }

    private static double value(JsonNode run, String test, String metric) {
        for (JsonNode result : run.get("results")) {
            if (result.get("test").asText().equals(test) && result.get("metric").asText().equals(metric)) {
                return result.at("/summary/mean").asDouble();
            }
        }
        throw new AssertionError("no " + test + " " + metric);
    }

    private static void assertUsage(String message, String... args) {
        Cli cli = Cli.run(args);
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains(message), "expected '" + message + "' in\n" + cli);
    }
}
