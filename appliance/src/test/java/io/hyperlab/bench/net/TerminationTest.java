package io.hyperlab.bench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A test stopped half-way, as Ctrl-C stops iperf3's (SIGTERM, which iperf3 treats alike, stops the
 * stock peers here): the side that stops reports the summary so far and tells the other, which
 * reports what it has too; a server goes on serving. Each test asks for 30 s and is stopped after
 * its first interval.
 */
class TerminationTest {
    private static final TestSpec LONG_TCP = TestSpec.of(TestSpec.Protocol.TCP).withEnd(30, 0, 0).withBitrate(1_000_000_000L);

    @BeforeEach
    void needsStockIperf3() {
        StockIperf3.assumeInstalled();
    }

    @Test
    void ourClientStoppedMidTestReportsSoFarAndTheStockServerHearsIt() throws Exception {
        int port = StockIperf3.freePort();
        Process stock = StockIperf3.server(port);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FirstInterval first = new FirstInterval(new TextOutput(new PrintWriter(out), new PrintWriter(err), false));
        IperfClient client = new IperfClient("127.0.0.1", port, LONG_TCP, 1.0, first);
        CompletableFuture<IperfError> run = CompletableFuture.supplyAsync(() -> assertThrows(IperfError.class, client::run));
        first.await();
        client.terminate();
        IperfError stopped = run.get(10, TimeUnit.SECONDS);
        StockIperf3.Run server = StockIperf3.finish(stock, 10);

        assertEquals("interrupt - the client has terminated", stopped.getMessage());
        assertEquals("iperf3: interrupt - the client has terminated\n", err.toString());
        String text = out.toString();
        assertTrue(text.contains(" sender\n") && text.contains("0.00 Bytes  0.00 bits/sec                  receiver"), text);
        assertFalse(text.contains("iperf Done."), "only a test that ended well is done: " + text);
        assertEquals("the client has terminated", server.json().path("error").asText(), server.toString());
        assertTrue(server.json().at("/end/sum_received/bytes").asLong() > 0, "the stock server reports what it received: " + server);
    }

    @Test
    void stockServerStoppedMidTestIsReportedByOurClient() throws Exception {
        int port = StockIperf3.freePort();
        Process stock = StockIperf3.server(port);
        StringWriter json = new StringWriter();
        FirstInterval first = new FirstInterval(new JsonOutput(new PrintWriter(json)));
        IperfClient client = new IperfClient("127.0.0.1", port, LONG_TCP, 1.0, first);
        CompletableFuture<IperfError> run = CompletableFuture.supplyAsync(() -> assertThrows(IperfError.class, client::run));
        first.await();
        stock.toHandle().destroy();
        IperfError stopped = run.get(10, TimeUnit.SECONDS);

        assertEquals("the server has terminated", stopped.getMessage());
        JsonNode report = Json.MAPPER.readTree(json.toString());
        assertEquals("the server has terminated", report.path("error").asText(), json.toString());
        assertTrue(report.at("/end/sum_sent/bytes").asLong() > 0, "the summary so far: " + json);
        assertTrue(report.at("/intervals").size() >= 1, json.toString());
        assertTrue(stock.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    void stockClientStoppedMidTestIsReportedByOurServerWhichServesTheNext() throws Exception {
        List<StringWriter> outputs = new ArrayList<>();
        try (IperfServer server = new IperfServer(InetAddress.getLoopbackAddress(), 0, IperfServer.Options.defaults(),
            () -> textInto(outputs))) {
            server.start();
            Process stock = new ProcessBuilder("iperf3", "-c", "127.0.0.1", "-p", String.valueOf(server.port()), "-J", "-t", "30",
                "-b", "1G").start();
            awaitRunning(server);
            // Through the handle: Process.destroy would also close our end of its output.
            stock.toHandle().destroy();
            StockIperf3.Run client = StockIperf3.finish(stock, 10);
            assertTrue(server.awaitTests(1, Duration.ofSeconds(10)), "the server did not end the test");

            assertEquals("interrupt - the client has terminated", client.json().path("error").asText(), client.toString());
            IperfServer.Outcome outcome = server.lastOutcome().orElseThrow();
            assertEquals("the client has terminated", outcome.error().orElseThrow());
            String text = outputs.get(0).toString();
            assertTrue(text.contains(" receiver\n") && text.endsWith("iperf3: the client has terminated\n"), text);

            StockIperf3.Run next = StockIperf3.client(server.port(), "-t", "1");
            assertEquals(0, next.exit(), next.toString());
            assertFalse(next.json().has("error"), next.toString());
        }
    }

    @Test
    void ourServerStoppedMidTestTellsTheStockClient() throws Exception {
        List<StringWriter> outputs = new ArrayList<>();
        IperfServer server = new IperfServer(InetAddress.getLoopbackAddress(), 0, IperfServer.Options.defaults(),
            () -> textInto(outputs));
        server.start();
        Process stock = new ProcessBuilder("iperf3", "-c", "127.0.0.1", "-p", String.valueOf(server.port()), "-J", "-t", "30",
            "-b", "1G").start();
        awaitRunning(server);
        server.stop();
        StockIperf3.Run client = StockIperf3.finish(stock, 10);

        assertEquals(IperfServer.Status.STOPPED, server.status());
        assertEquals("the server has terminated", client.json().path("error").asText(), client.toString());
        assertTrue(client.json().at("/end/sum_sent/bytes").asLong() > 0, "the stock client's summary so far: " + client);
        String text = outputs.get(0).toString();
        assertTrue(text.contains(" receiver\n") && text.endsWith("iperf3: interrupt - the server has terminated\n"), text);
    }

    /** A server's text output per test, the error lines among the others, kept for the test to read. */
    private static Reporter textInto(List<StringWriter> outputs) {
        StringWriter text = new StringWriter();
        outputs.add(text);
        PrintWriter writer = new PrintWriter(text, true);
        return new TextOutput(writer, writer, true);
    }

    /** Waits until the server's test has run for over a second (its first interval is out). */
    private static void awaitRunning(IperfServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.status() != IperfServer.Status.BUSY) {
            assertTrue(System.nanoTime() < deadline, "no client came");
            Thread.sleep(10);
        }
        Thread.sleep(1500);
    }

    /** Passes everything on to a reporter, and lets a test wait for the first interval. */
    private static final class FirstInterval implements Reporter {
        private final Reporter next;
        private final CountDownLatch interval = new CountDownLatch(1);

        FirstInterval(Reporter next) {
            this.next = next;
        }

        void await() throws InterruptedException {
            assertTrue(interval.await(10, TimeUnit.SECONDS), "no interval came");
        }

        @Override
        public void connecting(String host, int port, boolean reverse) {
            next.connecting(host, port, reverse);
        }

        @Override
        public void handshake(String cookie, int mss, TestSpec spec) {
            next.handshake(cookie, mss, spec);
        }

        @Override
        public void connected(int socket, InetSocketAddress local, InetSocketAddress remote) {
            next.connected(socket, local, remote);
        }

        @Override
        public void testStarted(Session session) {
            next.testStarted(session);
        }

        @Override
        public void interval(Session session, Report.Interval i) {
            next.interval(session, i);
            interval.countDown();
        }

        @Override
        public void end(Session session, Report.End end) {
            next.end(session, end);
        }

        @Override
        public void error(String message) {
            next.error(message);
        }

        @Override
        public void terminated(String note) {
            next.terminated(note);
        }

        @Override
        public void finish() {
            next.finish();
        }
    }
}
