package io.hyperlab.bench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our client against the real {@code iperf3 -s}, and the real {@code iperf3 -c} against our
 * server, over loopback: TCP and UDP, normal and reverse, one and four streams. Both sides must
 * end well and agree: the receiver's byte count is the same in both reports, and what the sender
 * counted is within 1% of what the receiver counted (UDP: datagrams, since the loss is a figure
 * of its own). Both count only until TEST_END, as iperf3 does, so what is still in flight then
 * is sent but not received; TCP runs paced at 2 Gbit/s a stream to keep that far below 1%.
 */
class InteropTest {
    private static IperfServer ours;

    @BeforeAll
    static void startOurServer() {
        StockIperf3.assumeInstalled();
        ours = new IperfServer(InetAddress.getLoopbackAddress(), 0,
            new IperfServer.Options(Duration.ofSeconds(5), Duration.ofSeconds(10), 1.0), () -> Reporter.NONE);
        ours.start();
    }

    @AfterAll
    static void stopOurServer() {
        if (ours != null) {
            ours.stop();
            assertEquals(IperfServer.Status.STOPPED, ours.status());
        }
    }

    @ParameterizedTest(name = "{0} reverse={1} parallel={2}")
    @CsvSource({"TCP,false,1", "TCP,false,4", "TCP,true,1", "TCP,true,4", "UDP,false,1", "UDP,false,4", "UDP,true,1", "UDP,true,4"})
    void ourClientAgreesWithStockServer(TestSpec.Protocol protocol, boolean reverse, int parallel) throws Exception {
        int port = StockIperf3.freePort();
        Process server = StockIperf3.server(port);
        TestSpec spec = spec(protocol, reverse, parallel);
        StringWriter json = new StringWriter();
        Report.End end = new IperfClient("127.0.0.1", port, spec, 1.0, new JsonOutput(new PrintWriter(json))).run();
        StockIperf3.Run stock = StockIperf3.finish(server, 30);

        assertEquals(0, stock.exit(), stock.toString());
        assertFalse(stock.json().has("error"), stock.toString());
        assertEquals(parallel, end.streams().size());
        JsonNode stockEnd = stock.json().get("end");
        if (reverse) {
            assertEquals(stockEnd.at("/sum_sent/bytes").asLong(), end.sumSent().bytes(), "the stock sender's count, as it told us");
        } else {
            assertEquals(stockEnd.at("/sum_received/bytes").asLong(), end.receivedBytes(), "the stock receiver's count, as it told us");
        }
        assertSenderMatchesReceiver(end);
        JsonNode ourJson = io.hyperlab.Json.MAPPER.readTree(json.toString());
        assertFalse(ourJson.has("error"), json.toString());
        assertEquals(end.receivedBytes(), ourJson.at("/end/sum_received/bytes").asLong());
        assertEquals(parallel, ourJson.at("/end/streams").size());
        assertTrue(ourJson.at("/intervals").size() >= 1, json.toString());
        if (protocol == TestSpec.Protocol.UDP) {
            Report.Udp udp = end.sumReceived().udp();
            assertTrue(udp.packets() > 0 && udp.jitterMs() >= 0 && udp.lostPercent() >= 0 && udp.lostPercent() <= 100, udp.toString());
        }
    }

    @ParameterizedTest(name = "{0} reverse={1} parallel={2}")
    @CsvSource({"TCP,false,1", "TCP,false,4", "TCP,true,1", "TCP,true,4", "UDP,false,1", "UDP,false,4", "UDP,true,1", "UDP,true,4"})
    void stockClientAgreesWithOurServer(TestSpec.Protocol protocol, boolean reverse, int parallel) throws Exception {
        int before = ours.tests();
        List<String> args = new ArrayList<>(List.of("-t", "1", "-P", String.valueOf(parallel)));
        args.addAll(protocol == TestSpec.Protocol.UDP ? List.of("-u", "-b", "200M") : List.of("-b", "2G"));
        if (reverse) {
            args.add("-R");
        }
        StockIperf3.Run stock = StockIperf3.client(ours.port(), args.toArray(String[]::new));
        assertTrue(ours.awaitTests(before + 1, Duration.ofSeconds(10)), "our server did not finish the test");

        assertEquals(0, stock.exit(), stock.toString());
        assertFalse(stock.json().has("error"), stock.toString());
        JsonNode stockEnd = stock.json().get("end");
        assertTrue(stockEnd.at("/sum_received/bytes").asLong() > 0, stock.toString());
        IperfServer.Outcome outcome = ours.lastOutcome().orElseThrow();
        assertTrue(outcome.error().isEmpty(), outcome.toString());
        Report.End end = outcome.result().orElseThrow();
        assertEquals(end.sumSent().bytes(), stockEnd.at("/sum_sent/bytes").asLong(), "the sender's count in both reports");
        assertEquals(end.receivedBytes(), stockEnd.at("/sum_received/bytes").asLong(), "the receiver's count in both reports");
        assertSenderMatchesReceiver(end);
        assertEquals(parallel, stockEnd.get("streams").size());
    }

    private static TestSpec spec(TestSpec.Protocol protocol, boolean reverse, int parallel) {
        TestSpec spec = TestSpec.of(protocol).withReverse(reverse).withParallel(parallel).withEnd(1, 0, 0);
        return spec.withBitrate(protocol == TestSpec.Protocol.UDP ? 200_000_000L : 2_000_000_000L);
    }

    /** TCP: bytes sent and received within 1%. UDP: datagrams sent and the receiver's count of them (highest sequence number). */
    private static void assertSenderMatchesReceiver(Report.End end) {
        long sent = end.tcp() ? end.sumSent().bytes() : end.sumSent().udp().packets();
        long received = end.tcp() ? end.receivedBytes() : end.sumReceived().udp().packets();
        assertTrue(received > 0 && end.receivedBytes() > 0, "nothing was received: " + end);
        double difference = Math.abs(sent - received) / (double) Math.max(sent, received);
        assertTrue(difference <= 0.01, "sent " + sent + " and received " + received + " differ by " + 100 * difference + "%");
    }
}
