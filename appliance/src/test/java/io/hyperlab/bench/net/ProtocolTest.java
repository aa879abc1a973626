package io.hyperlab.bench.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The protocol's pieces against iperf3's definitions: states, cookies, parameters, UDP accounting, number formats. */
class ProtocolTest {
    @Test
    void stateBytesAreIperf3sAndUnknownBytesAreNoState() {
        assertEquals(Optional.of(State.ACCESS_DENIED), State.of((byte) 0xFF));
        assertEquals(Optional.of(State.SERVER_ERROR), State.of((byte) -2));
        assertEquals(Optional.of(State.IPERF_DONE), State.of((byte) 16));
        assertEquals(Optional.empty(), State.of((byte) 3));
        assertEquals(Optional.empty(), State.of((byte) 99));
    }

    @Test
    void cookiesAreIperf3sAlphabetAndCompareUpToTheirNul() {
        byte[] cookie = Control.newCookie();
        assertEquals(37, cookie.length);
        assertEquals(0, cookie[36]);
        assertTrue(Control.text(cookie).matches("[a-z2-7]{36}"), Control.text(cookie));
        byte[] copy = cookie.clone();
        assertTrue(Control.sameCookie(cookie, copy));
        copy[5] = (byte) (copy[5] == 'a' ? 'b' : 'a');
        assertFalse(Control.sameCookie(cookie, copy));
        assertFalse(java.util.Arrays.equals(Control.newCookie(), Control.newCookie()));
    }

    @Test
    void stockParametersAreReadAsIperf3ReadsThem() throws Exception {
        JsonNode stock = Json.MAPPER.readTree("{\"udp\":true,\"omit\":2,\"time\":5,\"num\":0,\"blockcount\":0,\"parallel\":4,"
            + "\"reverse\":true,\"len\":1448,\"bandwidth\":100000000,\"pacing_timer\":1000,\"udp_counters_64bit\":1,"
            + "\"client_version\":\"3.12\",\"title\":\"ignored\"}");
        TestSpec spec = TestSpec.fromParameters(stock);
        assertEquals(TestSpec.Protocol.UDP, spec.protocol());
        assertEquals(4, spec.parallel());
        assertTrue(spec.reverse() && spec.udp64());
        assertEquals(5, spec.seconds());
        assertEquals(2, spec.omit());
        assertEquals(1448, spec.blockSize());
        assertEquals(100_000_000L, spec.bitrate());
        assertEquals(spec, TestSpec.fromParameters(spec.toParameters()));
    }

    @Test
    void parametersOutsideIperf3sLimitsAreRefusedWithIperf3sErrorNumber() throws Exception {
        assertEquals(IperfError.IEUNIMP, refused("{\"time\":1,\"parallel\":1}"));
        assertEquals(IperfError.IEUNIMP, refused("{\"tcp\":true,\"udp\":true}"));
        assertEquals(IperfError.IEUNIMP, refused("{\"tcp\":true,\"bidirectional\":true}"));
        assertEquals(IperfError.IENUMSTREAMS, refused("{\"tcp\":true,\"parallel\":0}"));
        assertEquals(IperfError.IENUMSTREAMS, refused("{\"tcp\":true,\"parallel\":129}"));
        assertEquals(IperfError.IEBLOCKSIZE, refused("{\"tcp\":true,\"len\":2000000}"));
        assertEquals(IperfError.IEUDPBLOCKSIZE, refused("{\"udp\":true,\"len\":8}"));
        assertEquals(IperfError.IEOMIT, refused("{\"tcp\":true,\"omit\":61}"));
        assertEquals(IperfError.IERECVPARAMS, refused("{\"tcp\":true,\"time\":\"ten\"}"));
        assertEquals(IperfError.IERECVPARAMS, refused("{\"tcp\":true,\"parallel\":1e20}"));
    }

    private static int refused(String json) throws Exception {
        return assertThrows(TestSpec.Invalid.class, () -> TestSpec.fromParameters(Json.MAPPER.readTree(json))).code;
    }

    @Test
    void udpGapsCountAsLostAndStepsBackAsOutOfOrder() throws Exception {
        try (DatagramChannel channel = DatagramChannel.open()) {
            UdpStream stream = new UdpStream(1, false, 64, channel, false);
            for (long sequence : new long[] {1, 2, 4, 3, 5, 8}) {
                stream.account(datagram(sequence, 1_000_000), 64, 1_000_500);
            }
            assertEquals(8, stream.packetCount, "the highest sequence number seen");
            assertEquals(2, stream.lost, "4 skips 3 (one lost), 3 comes late (one back), 8 skips 6 and 7 (two lost)");
            assertEquals(1, stream.outOfOrder);
            assertEquals(6 * 64, stream.bytesReceived);
        }
    }

    @Test
    void jitterIsRfc1889sRunningFilterOfTransitDifferences() throws Exception {
        try (DatagramChannel channel = DatagramChannel.open()) {
            UdpStream stream = new UdpStream(1, false, 64, channel, true);
            stream.account(datagram64(1, 10_000_000), 64, 10_001_000);
            assertEquals(0.0, stream.jitter, "the first datagram only primes the transit time");
            stream.account(datagram64(2, 10_010_000), 64, 10_013_000);
            assertEquals(0.002 / 16, stream.jitter, 1e-12);
            stream.account(datagram64(3, 10_020_000), 64, 10_022_000);
            assertEquals(0.002 / 16 + (0.001 - 0.002 / 16) / 16, stream.jitter, 1e-12);
            assertEquals(0, stream.lost);
        }
    }

    @Test
    void jitterKeepsEveryMicrosecondWhenThePeersClockIsFarFromOurs() throws Exception {
        // A peer whose clock reads far from ours (a wall clock, or another machine's): the transit is
        // 1.77e9 s, where a double's step is 0.24 us; the filter must still see the 1 us difference.
        try (DatagramChannel channel = DatagramChannel.open()) {
            UdpStream stream = new UdpStream(1, false, 64, channel, true);
            stream.account(datagram64(1, 1_795_617_824_692_026L), 64, 23_567_730_640L);
            stream.account(datagram64(2, 1_795_617_824_693_026L), 64, 23_567_731_641L);
            assertEquals(0.000_001 / 16, stream.jitter, 1e-15);
        }
    }

    @Test
    void datagramsAreStampedWithTheMonotonicClockAsIperf3StampsThem() throws Exception {
        try (DatagramChannel receiver = DatagramChannel.open().bind(new java.net.InetSocketAddress("127.0.0.1", 0));
             DatagramChannel sender = DatagramChannel.open().connect(receiver.getLocalAddress())) {
            UdpStream stream = new UdpStream(1, true, 64, sender, false);
            long before = System.nanoTime() / 1000;
            assertEquals(64, stream.send());
            long after = System.nanoTime() / 1000;
            ByteBuffer datagram = ByteBuffer.allocate(64);
            receiver.receive(datagram);
            long stamped = Integer.toUnsignedLong(datagram.getInt(0)) * 1_000_000 + datagram.getInt(4);
            assertTrue(stamped >= before && stamped <= after, "stamp " + stamped + " between " + before + " and " + after);
            assertEquals(1, datagram.getInt(8), "the first datagram is number 1");
        }
    }

    private static ByteBuffer datagram(long sequence, long sentMicros) {
        return ByteBuffer.allocate(64).putInt(0, (int) (sentMicros / 1_000_000)).putInt(4, (int) (sentMicros % 1_000_000))
            .putInt(8, (int) sequence);
    }

    private static ByteBuffer datagram64(long sequence, long sentMicros) {
        return ByteBuffer.allocate(64).putInt(0, (int) (sentMicros / 1_000_000)).putInt(4, (int) (sentMicros % 1_000_000))
            .putLong(8, sequence);
    }

    @Test
    void udpConnectMessagesAreReadInEitherByteOrderAndWrittenAsX86Does() {
        ByteBuffer x86Reply = ByteBuffer.wrap("6789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(UdpStream.isOneOf(x86Reply, UdpStream.CONNECT_REPLY));
        assertTrue(UdpStream.isOneOf(ByteBuffer.allocate(4).putInt(0, UdpStream.LEGACY_CONNECT_REPLY), UdpStream.LEGACY_CONNECT_REPLY));
        assertFalse(UdpStream.isOneOf(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), UdpStream.CONNECT_REPLY, UdpStream.LEGACY_CONNECT_REPLY));
        byte[] sent = new byte[4];
        UdpStream.message(UdpStream.CONNECT_MSG).get(sent);
        assertArrayEquals("9876".getBytes(java.nio.charset.StandardCharsets.US_ASCII), sent);
    }

    @Test
    void numbersPrintAsIperf3PrintsThem() {
        assertEquals("5.26 GBytes", Units.bytes(5_646_697_038L));
        assertEquals("22.4 Gbits/sec", Units.bitsPerSecond(22_403_005_099.66));
        assertEquals("32.0 KBytes", Units.bytes(32768));
        assertEquals(" 100 Mbits/sec", Units.bitsPerSecond(100_003_435.8));
        assertEquals("11.9 MBytes", Units.bytes(12_517_376));
        assertEquals("0.13", TextOutput.twoSignificant(0.1305));
        assertEquals("1.1", TextOutput.twoSignificant(1.114));
        assertEquals("0", TextOutput.twoSignificant(0));
        assertEquals("12", TextOutput.twoSignificant(12.5));
    }

    @Test
    void aSessionRehearsesItsReportWithoutPrintingIt() throws Exception {
        for (TestSpec spec : List.of(TestSpec.of(TestSpec.Protocol.UDP), TestSpec.of(TestSpec.Protocol.TCP).withReverse(true))) {
            StringWriter text = new StringWriter();
            StringWriter json = new StringWriter();
            new Session(Session.Role.CLIENT, spec, 1460, 1.0, new TextOutput(new PrintWriter(text), new PrintWriter(text), false));
            JsonOutput document = new JsonOutput(new PrintWriter(json));
            new Session(Session.Role.SERVER, spec, 1460, 1.0, document);
            document.finish();
            assertEquals("", text.toString(), spec.toString());
            assertEquals(0, Json.MAPPER.readTree(json.toString()).get("intervals").size(), json.toString());
        }
    }

    @Test
    void lossPercentagesPrintAsCsTwoSignificantG() {
        // Each as Python's C-conformant '%.2g' prints it.
        String[][] cases = {{"100", "1e+02"}, {"99.5", "1e+02"}, {"1.234e-05", "1.2e-05"}, {"0.0001", "0.0001"}, {"0.05", "0.05"},
            {"1.25", "1.2"}, {"0.125", "0.12"}, {"3", "3"}, {"150", "1.5e+02"}, {"0.0095", "0.0095"}, {"9.95", "9.9"},
            {"9.9996e-05", "0.0001"}};
        for (String[] c : cases) {
            assertEquals(c[1], TextOutput.twoSignificant(Double.parseDouble(c[0])), "%.2g of " + c[0]);
        }
    }

    @Test
    void fastRoundingAgreesWithTheExactValueEverywhere() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(4);
            // Half the numbers on or next to a tie of their decimals, the rest spread over twenty orders of magnitude.
            double value = i % 2 == 0 ? (random.nextInt(2_000_000) + 0.5) / Math.pow(10, decimals)
                : Math.pow(10, random.nextDouble() * 20 - 8);
            if (i % 4 == 0) {
                value = Math.nextUp(value);
            }
            String exact = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            assertEquals(exact, Units.fixedDigits(value, decimals), value + " to " + decimals + " places");
            BigDecimal twoDigits = new BigDecimal(value).round(new MathContext(2, RoundingMode.HALF_EVEN));
            assertEquals(0, new BigDecimal(TextOutput.twoSignificant(value)).compareTo(twoDigits), value + " to two digits");
        }
    }

    @Test
    void fixedPointNumbersPadAndRoundAsCsPrintfDoes() {
        assertEquals("  1.00", Units.fixed(1.005, 2, 6), "1.005 is 1.00499... as a double: %6.2f prints 1.00");
        assertEquals("0.12", Units.fixed(0.125, 2, 4), "an exact half rounds to even, as glibc's %.2f");
        assertEquals("   2", Units.fixed(2.5, 0, 4));
        assertEquals("   4", Units.fixed(3.5, 0, 4));
        assertEquals("1.00  ", Units.fixed(1.0, 2, -6), "%-6.2f");
        assertEquals("10.00", Units.fixed(9.999, 2, 4), "wider than the width: nothing cut");
        assertEquals("0.005", Units.fixed(0.0055, 3, 5), "0.0055 is 0.00549... as a double");
        assertEquals("  nan", Units.fixed(Double.NaN, 3, 5));
        assertEquals("  5", Units.pad(5, 3));
        assertEquals("128", Units.pad(128, 3));
    }

    @Test
    void ratesAndSizesAreTypedAsIperf3TakesThem() {
        assertEquals(100_000_000L, Units.parseRate("100M"));
        assertEquals(1_000_000_000L, Units.parseRate("1g"));
        assertEquals(1_500L, Units.parseRate("1.5K"));
        assertEquals(131_072L, Units.parseSize("128K"));
        assertEquals(1_048_576L, Units.parseSize("1M"));
        assertTrue(assertThrows(InvalidInputException.class, () -> Units.parseRate("fast")).getMessage().contains("'fast' is not a bitrate"));
        assertThrows(InvalidInputException.class, () -> Units.parseSize("-5K"));
        assertThrows(InvalidInputException.class, () -> Units.parseSize(""));
    }

    @Test
    void peersAreHostOrHostAndPort() {
        assertEquals("192.168.1.20:5201", NetworkSettings.parsePeer("192.168.1.20").peer());
        assertEquals(5202, NetworkSettings.parsePeer("laptop.lan:5202").port());
        assertEquals("fe80::1", NetworkSettings.parsePeer("[fe80::1]:5201").host());
        assertThrows(InvalidInputException.class, () -> NetworkSettings.parsePeer("a:b:c"));
        assertThrows(InvalidInputException.class, () -> NetworkSettings.parsePeer("host:70000"));
        assertThrows(InvalidInputException.class, () -> NetworkSettings.parsePeer(" "));
    }
}
