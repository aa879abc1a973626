package io.hyperlab.bench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server against clients that misbehave: each gets the answer iperf3 gives (ACCESS_DENIED,
 * or SERVER_ERROR with iperf3's error number, then a close), and a stock iperf3 test right after
 * proves the server is still up and serving.
 */
class ServerRobustnessTest {
    private static IperfServer server;

    @BeforeAll
    static void start() {
        StockIperf3.assumeInstalled();
        server = new IperfServer(InetAddress.getLoopbackAddress(), 0,
            new IperfServer.Options(Duration.ofMillis(700), Duration.ofSeconds(2), 1.0), () -> Reporter.NONE);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @AfterEach
    void stillServesAStockClient() throws Exception {
        awaitStatus(IperfServer.Status.IDLE);
        StockIperf3.Run good = StockIperf3.client(server.port(), "-t", "1");
        assertEquals(0, good.exit(), good.toString());
        assertFalse(good.json().has("error"), good.toString());
        assertTrue(good.json().at("/end/sum_received/bytes").asLong() > 0, good.toString());
    }

    @Test
    void secondClientWhileBusyGetsAccessDenied() throws Exception {
        Process first = new ProcessBuilder("iperf3", "-c", "127.0.0.1", "-p", String.valueOf(server.port()), "-t", "3", "-J").start();
        awaitStatus(IperfServer.Status.BUSY);
        try (Socket second = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            second.setSoTimeout(5000);
            assertEquals(State.ACCESS_DENIED.code, (byte) second.getInputStream().read());
            RawClient.assertClosed(second);
        }
        StockIperf3.Run busy = StockIperf3.client(server.port(), "-t", "1");
        assertTrue(busy.json().get("error").asText().contains("the server is busy running a test"), busy.toString());
        StockIperf3.Run done = StockIperf3.finish(first, 30);
        assertEquals(0, done.exit(), done.toString());
        assertFalse(done.json().has("error"), done.toString());
    }

    @Test
    void wrongCookieOnADataConnectionIsRefusedAndTheTestGoesOnWithTheRightOne() throws Exception {
        int before = server.tests();
        try (RawClient client = new RawClient(server.port()).handshake(RawClient.TCP_PARAMETERS)) {
            byte[] wrong = Control.newCookie();
            try (Socket impostor = client.stream(wrong)) {
                assertEquals(State.ACCESS_DENIED.code, (byte) impostor.getInputStream().read());
                RawClient.assertClosed(impostor);
            }
            try (Socket stream = client.stream(client.cookie)) {
                assertEquals(State.TEST_START.code, client.in.readByte());
                assertEquals(State.TEST_RUNNING.code, client.in.readByte());
                OutputStream data = stream.getOutputStream();
                data.write(new byte[100_000]);
                data.flush();
                Thread.sleep(200);
                client.out.write(State.TEST_END.code);
                assertEquals(State.EXCHANGE_RESULTS.code, client.in.readByte());
                client.sendJson("{\"cpu_util_total\":1,\"cpu_util_user\":0.5,\"cpu_util_system\":0.5,\"sender_has_retransmits\":0,"
                    + "\"streams\":[{\"id\":1,\"bytes\":100000,\"retransmits\":-1,\"jitter\":0,\"errors\":0,\"packets\":0,"
                    + "\"start_time\":0,\"end_time\":0.2}]}");
                JsonNode results = client.readJson();
                assertEquals(100_000, results.at("/streams/0/bytes").asLong());
                assertEquals(-1, results.get("sender_has_retransmits").asInt());
                assertEquals(State.DISPLAY_RESULTS.code, client.in.readByte());
                client.out.write(State.IPERF_DONE.code);
            }
        }
        assertTrue(server.awaitTests(before + 1, Duration.ofSeconds(5)));
        IperfServer.Outcome outcome = server.lastOutcome().orElseThrow();
        assertTrue(outcome.error().isEmpty(), outcome.toString());
        assertEquals(100_000, outcome.result().orElseThrow().receivedBytes());
    }

    @Test
    void oversizedJsonGetsServerError() throws Exception {
        int before = server.tests();
        try (RawClient client = new RawClient(server.port())) {
            client.out.write(client.cookie);
            assertEquals(State.PARAM_EXCHANGE.code, client.in.readByte());
            client.out.writeInt(Control.MAX_JSON_BYTES + 1);
            client.out.write("{\"tcp\":true}".getBytes(StandardCharsets.UTF_8));
            assertEquals(IperfError.IERECVPARAMS, client.readServerError());
        }
        assertTrue(errorOfTest(before + 1).contains("over the limit of " + Control.MAX_JSON_BYTES));
    }

    @Test
    void truncatedJsonIsDroppedAfterTheTimeout() throws Exception {
        try (RawClient client = new RawClient(server.port())) {
            client.out.write(client.cookie);
            assertEquals(State.PARAM_EXCHANGE.code, client.in.readByte());
            client.out.writeInt(200);
            client.out.write("{\"tcp\":true,\"time\"".getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            assertEquals(IperfError.IENOMSG, client.readServerError());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos());
        }
    }

    @Test
    void invalidJsonAndRefusedParametersGetServerError() throws Exception {
        int before = server.tests();
        try (RawClient client = new RawClient(server.port())) {
            client.out.write(client.cookie);
            assertEquals(State.PARAM_EXCHANGE.code, client.in.readByte());
            client.sendJson("{tcp: yes");
            assertEquals(IperfError.IERECVPARAMS, client.readServerError());
        }
        awaitStatus(IperfServer.Status.IDLE);
        try (RawClient client = new RawClient(server.port())) {
            client.out.write(client.cookie);
            assertEquals(State.PARAM_EXCHANGE.code, client.in.readByte());
            client.sendJson(RawClient.TCP_PARAMETERS.replace("\"parallel\":1", "\"parallel\":200"));
            assertEquals(IperfError.IENUMSTREAMS, client.readServerError());
        }
        assertTrue(errorOfTest(before + 2).contains("parallel streams must be from 1 to 128, not 200"));
    }

    @Test
    void garbageInsteadOfACookieGetsServerError() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: appliance\r\nUser-Agent: curl\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertEquals(State.PARAM_EXCHANGE.code, in.readByte(), "iperf3 takes any 37 bytes as a cookie");
            assertEquals(State.SERVER_ERROR.code, in.readByte());
            assertEquals(IperfError.IERECVPARAMS, in.readInt());
        }
    }

    @Test
    void unknownStateByteEndsTheTestWithServerError() throws Exception {
        int before = server.tests();
        try (RawClient client = new RawClient(server.port()).handshake(RawClient.TCP_PARAMETERS);
             Socket stream = client.stream(client.cookie)) {
            assertEquals(State.TEST_START.code, client.in.readByte());
            assertEquals(State.TEST_RUNNING.code, client.in.readByte());
            client.out.write(99);
            assertEquals(IperfError.IEMESSAGE, client.readServerError());
            RawClient.assertClosed(stream);
        }
        assertTrue(errorOfTest(before + 1).contains("unknown control message (99)"));
    }

    @Test
    void silentClientIsDroppedAfterTheTimeout() throws Exception {
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            silent.setSoTimeout(5000);
            long start = System.nanoTime();
            DataInputStream in = new DataInputStream(silent.getInputStream());
            assertEquals(State.SERVER_ERROR.code, in.readByte());
            assertEquals(IperfError.IENOMSG, in.readInt());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos());
        }
    }

    @Test
    void clientKilledMidTestFreesTheServer() throws Exception {
        int before = server.tests();
        Process stock = new ProcessBuilder("iperf3", "-c", "127.0.0.1", "-p", String.valueOf(server.port()), "-t", "30", "-J").start();
        awaitStatus(IperfServer.Status.BUSY);
        Thread.sleep(500);
        stock.destroyForcibly().waitFor();
        assertTrue(errorOfTest(before + 1).contains("unexpectedly closed"), server.lastOutcome().toString());
    }

    @Test
    void stoppedServerFreesItsPortAndStartsAgain() throws Exception {
        IperfServer other = new IperfServer(InetAddress.getLoopbackAddress(), 0, IperfServer.Options.defaults(), () -> Reporter.NONE);
        other.start();
        int port = other.port();
        assertEquals(IperfServer.Status.IDLE, other.status());
        other.stop();
        assertEquals(IperfServer.Status.STOPPED, other.status());
        try (Socket refused = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("port " + port + " still accepts connections after stop");
        } catch (ConnectException expected) {
            // Nothing listens any more.
        }
        IperfServer again = new IperfServer(InetAddress.getLoopbackAddress(), port, IperfServer.Options.defaults(), () -> Reporter.NONE);
        again.start();
        assertEquals(port, again.port());
        again.stop();
    }

    private static void awaitStatus(IperfServer.Status status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(status, server.status());
    }

    /** The error of the test that ends now (the server records it just after it answers). */
    private static String errorOfTest(int number) throws InterruptedException {
        assertTrue(server.awaitTests(number, Duration.ofSeconds(5)), "test " + number + " did not end");
        return server.lastOutcome().orElseThrow().error().orElseThrow();
    }
}
