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
 * end well and agree: each byte count is the same in our report and in stock iperf3's (each side
 * reports what it counted and takes the other's from the results exchange). What the sender
 * counted and what the receiver counted may differ by what is in flight when the client ends
 * the test (a stock receiver stops counting at TEST_END); that must stay under 5%, and TCP runs
 * paced at 2 Gbit/s a stream so that a loaded machine's pauses keep it small.
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-n 20M, 20971520", "-k 300 -l 64K, 19660800", "-R -n 20M, 20971520", "-u -b 50M -k 200 -l 1400, 280000",
        "-t 2 -O 1 -b 2G, 0"})
    void stockClientLimitsAndOmitAreHonouredBackToBack(String options, long expectedSent) throws Exception {
        int before = ours.tests();
        StockIperf3.Run stock = StockIperf3.client(ours.port(), options.split(" "));
        assertEquals(0, stock.exit(), stock.toString());
        assertFalse(stock.json().has("error"), stock.toString());
        assertTrue(ours.awaitTests(before + 1, Duration.ofSeconds(10)));
        Report.End end = ours.lastOutcome().orElseThrow().result().orElseThrow();
        if (expectedSent > 0) {
            assertEquals(expectedSent, stock.json().at("/end/sum_sent/bytes").asLong(), "the sender stops at the limit");
            assertEquals(expectedSent, end.receivedBytes(), "everything sent arrives and is counted");
        } else {
            assertTrue(stock.json().at("/intervals/0/sum/omitted").asBoolean(), stock.toString());
            assertEquals(end.receivedBytes(), stock.json().at("/end/sum_received/bytes").asLong());
        }
    }

    @ParameterizedTest(name = "{0} bytes={1} blocks={2} reverse={3}")
    @CsvSource({"TCP,20971520,0,false", "TCP,0,300,false", "TCP,20971520,0,true", "UDP,0,200,false"})
    void ourClientLimitsAreHonouredByStockServer(TestSpec.Protocol protocol, long bytes, long blocks, boolean reverse) throws Exception {
        int port = StockIperf3.freePort();
        Process server = StockIperf3.server(port);
        TestSpec spec = TestSpec.of(protocol).withReverse(reverse).withEnd(0, bytes, blocks)
            .withBlockSize(protocol == TestSpec.Protocol.UDP ? 1400 : 65536);
        Report.End end = new IperfClient("127.0.0.1", port, protocol == TestSpec.Protocol.UDP ? spec.withBitrate(50_000_000L) : spec,
            1.0, Reporter.NONE).run();
        StockIperf3.Run stock = StockIperf3.finish(server, 30);
        assertEquals(0, stock.exit(), stock.toString());
        long expected = bytes > 0 ? bytes : blocks * (protocol == TestSpec.Protocol.UDP ? 1400 : 65536);
        assertEquals(expected, end.sumSent().bytes(), "the sender stops at the limit");
        String received = reverse ? "/end/sum_sent/bytes" : "/end/sum_received/bytes";
        assertEquals(stock.json().at(received).asLong(), reverse ? end.sumSent().bytes() : end.receivedBytes(),
            "the same count in both reports");
    }

    private static TestSpec spec(TestSpec.Protocol protocol, boolean reverse, int parallel) {
        TestSpec spec = TestSpec.of(protocol).withReverse(reverse).withParallel(parallel).withEnd(1, 0, 0);
        return spec.withBitrate(protocol == TestSpec.Protocol.UDP ? 200_000_000L : 2_000_000_000L);
    }

    /** TCP: bytes sent and received within 5%. UDP: datagrams sent and the receiver's count of them (highest sequence number). */
    private static void assertSenderMatchesReceiver(Report.End end) {
        long sent = end.tcp() ? end.sumSent().bytes() : end.sumSent().udp().packets();
        long received = end.tcp() ? end.receivedBytes() : end.sumReceived().udp().packets();
        assertTrue(received > 0 && end.receivedBytes() > 0, "nothing was received: " + end);
        double difference = Math.abs(sent - received) / (double) Math.max(sent, received);
        assertTrue(difference <= 0.05, "sent " + sent + " and received " + received + " differ by " + 100 * difference + "%");
    }
}
