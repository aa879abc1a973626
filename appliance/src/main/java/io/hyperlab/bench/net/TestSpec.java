package io.hyperlab.bench.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One iperf3 test as the client asks for it, and its parameter JSON (send_parameters and
 * get_parameters in iperf_api.c). The limits are iperf3's; a value outside them cannot exist.
 *
 * @param blockSize   bytes per write (TCP) or per datagram (UDP); 0 = iperf3's default, chosen at connect time
 * @param bitrate     bits per second per stream, 0 = as fast as possible (UDP defaults to 1 Mbit/s)
 * @param seconds     test length; 0 when the test ends by bytes or blocks
 * @param pacingMicros how often a rate-limited sender may send again
 */
public record TestSpec(Protocol protocol, int parallel, boolean reverse, int seconds, long bytes, long blocks,
                       int blockSize, long bitrate, int omit, int pacingMicros, int burst, boolean udp64,
                       int window, boolean noDelay) {
    public static final int DEFAULT_PORT = 5201;
    public static final int DEFAULT_SECONDS = 10;
    public static final int MAX_STREAMS = 128;
    public static final int MAX_SECONDS = 86_400;
    public static final int MAX_OMIT = 60;
    public static final int MAX_BURST = 1000;
    public static final int DEFAULT_TCP_BLOCK = 128 * 1024;
    public static final int DEFAULT_UDP_BLOCK = 1460;
    public static final int MAX_TCP_BLOCK = 1024 * 1024;
    public static final int MIN_UDP_BLOCK = 4 + 4 + 8;
    public static final int MAX_UDP_BLOCK = 65535 - 8 - 20;
    public static final long DEFAULT_UDP_BITRATE = 1024 * 1024;
    public static final int DEFAULT_PACING_MICROS = 1000;
    /** The version this speaks; stock servers read nothing from it. */
    static final String CLIENT_VERSION = "3.12";

    public enum Protocol {
        TCP, UDP;

        public String id() {
            return name();
        }
    }

    /** A value outside iperf3's limits, with the error number iperf3 gives it. */
    public static final class Invalid extends InvalidInputException {
        final int code;

        Invalid(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    public TestSpec {
        if (protocol == null) {
            throw new Invalid(IperfError.IEUNIMP, "the protocol must be TCP or UDP");
        }
        check(parallel >= 1 && parallel <= MAX_STREAMS, IperfError.IENUMSTREAMS,
            "parallel streams must be from 1 to " + MAX_STREAMS + ", not " + parallel);
        check(seconds >= 0 && seconds <= MAX_SECONDS, IperfError.IEDURATION,
            "test time must be from 0 to " + MAX_SECONDS + " seconds, not " + seconds);
        check(bytes >= 0 && blocks >= 0, IperfError.IEENDCONDITIONS, "bytes and blocks must not be negative");
        check((seconds > 0 ? 1 : 0) + (bytes > 0 ? 1 : 0) + (blocks > 0 ? 1 : 0) <= 1, IperfError.IEENDCONDITIONS,
            "give only one end condition: a time, a byte count or a block count");
        if (protocol == Protocol.TCP) {
            check(blockSize >= 0 && blockSize <= MAX_TCP_BLOCK, IperfError.IEBLOCKSIZE,
                "TCP block length must be from 1 to " + MAX_TCP_BLOCK + " bytes, not " + blockSize);
        } else {
            check(blockSize == 0 || (blockSize >= MIN_UDP_BLOCK && blockSize <= MAX_UDP_BLOCK), IperfError.IEUDPBLOCKSIZE,
                "UDP datagram length must be from " + MIN_UDP_BLOCK + " to " + MAX_UDP_BLOCK + " bytes, not " + blockSize);
        }
        check(bitrate >= 0, IperfError.IEUNIMP, "the bitrate must not be negative, not " + bitrate);
        check(omit >= 0 && omit <= MAX_OMIT, IperfError.IEOMIT, "omit must be from 0 to " + MAX_OMIT + " seconds, not " + omit);
        check(pacingMicros >= 1 && pacingMicros <= 1_000_000, IperfError.IEUNIMP,
            "the pacing timer must be from 1 to 1000000 microseconds, not " + pacingMicros);
        check(burst >= 0 && burst <= MAX_BURST, IperfError.IEUNIMP, "burst must be from 0 to " + MAX_BURST + ", not " + burst);
        check(window >= 0, IperfError.IEUNIMP, "the window must not be negative, not " + window);
    }

    /** iperf3's defaults: TCP, one stream, 10 seconds, unlimited rate (UDP: 1 Mbit/s). */
    public static TestSpec of(Protocol protocol) {
        return new TestSpec(protocol, 1, false, DEFAULT_SECONDS, 0, 0, 0,
            protocol == Protocol.UDP ? DEFAULT_UDP_BITRATE : 0, 0, DEFAULT_PACING_MICROS, 0, false, 0, false);
    }

    public TestSpec withParallel(int n) {
        return new TestSpec(protocol, n, reverse, seconds, bytes, blocks, blockSize, bitrate, omit, pacingMicros, burst, udp64, window, noDelay);
    }

    public TestSpec withReverse(boolean r) {
        return new TestSpec(protocol, parallel, r, seconds, bytes, blocks, blockSize, bitrate, omit, pacingMicros, burst, udp64, window, noDelay);
    }

    /** Ends the test by time, bytes or blocks: exactly one of them is non-zero (or all zero). */
    public TestSpec withEnd(int s, long b, long k) {
        return new TestSpec(protocol, parallel, reverse, s, b, k, blockSize, bitrate, omit, pacingMicros, burst, udp64, window, noDelay);
    }

    public TestSpec withBlockSize(int length) {
        return new TestSpec(protocol, parallel, reverse, seconds, bytes, blocks, length, bitrate, omit, pacingMicros, burst, udp64, window, noDelay);
    }

    public TestSpec withBitrate(long bitsPerSecond) {
        return new TestSpec(protocol, parallel, reverse, seconds, bytes, blocks, blockSize, bitsPerSecond, omit, pacingMicros, burst, udp64, window, noDelay);
    }

    public TestSpec withOmit(int o) {
        return new TestSpec(protocol, parallel, reverse, seconds, bytes, blocks, blockSize, bitrate, o, pacingMicros, burst, udp64, window, noDelay);
    }

    /** The block size to use: the one asked for, else TCP's 128 KiB or, for UDP, the path's MSS (1460 if unknown). */
    int effectiveBlockSize(int mss) {
        if (blockSize > 0) {
            return blockSize;
        }
        if (protocol == Protocol.TCP) {
            return DEFAULT_TCP_BLOCK;
        }
        return mss > 0 && mss <= MAX_UDP_BLOCK ? Math.max(mss, MIN_UDP_BLOCK) : DEFAULT_UDP_BLOCK;
    }

    /** The parameter JSON a client sends after PARAM_EXCHANGE. */
    ObjectNode toParameters() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put(protocol == Protocol.TCP ? "tcp" : "udp", true);
        json.put("omit", omit);
        json.put("time", seconds);
        json.put("num", bytes);
        json.put("blockcount", blocks);
        if (noDelay) {
            json.put("nodelay", true);
        }
        json.put("parallel", parallel);
        if (reverse) {
            json.put("reverse", true);
        }
        if (window > 0) {
            json.put("window", window);
        }
        if (blockSize > 0) {
            json.put("len", blockSize);
        }
        if (bitrate > 0) {
            json.put("bandwidth", bitrate);
        }
        json.put("pacing_timer", pacingMicros);
        if (burst > 0) {
            json.put("burst", burst);
        }
        if (udp64) {
            json.put("udp_counters_64bit", 1);
        }
        json.put("client_version", CLIENT_VERSION);
        return json;
    }

    /**
     * Reads a client's parameter JSON as a stock iperf3 server does (a boolean key counts by being
     * present; unknown keys are ignored), refusing what this server cannot run.
     */
    static TestSpec fromParameters(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new Invalid(IperfError.IERECVPARAMS, "the parameters are not a JSON object");
        }
        boolean tcp = json.has("tcp");
        boolean udp = json.has("udp");
        if (json.has("sctp") || json.has("bidirectional") || tcp == udp) {
            throw new Invalid(IperfError.IEUNIMP, json.has("bidirectional") ? "bidirectional tests are not supported"
                : "the test must be TCP or UDP (got " + String.join(", ", names(json)) + ")");
        }
        Protocol protocol = tcp ? Protocol.TCP : Protocol.UDP;
        int len = (int) number(json, "len", 0, Integer.MAX_VALUE);
        return new TestSpec(protocol,
            (int) number(json, "parallel", 1, Integer.MAX_VALUE),
            json.has("reverse"),
            (int) number(json, "time", 0, Integer.MAX_VALUE),
            number(json, "num", 0, Long.MAX_VALUE),
            number(json, "blockcount", 0, Long.MAX_VALUE),
            len,
            number(json, "bandwidth", 0, Long.MAX_VALUE),
            (int) number(json, "omit", 0, Integer.MAX_VALUE),
            (int) number(json, "pacing_timer", DEFAULT_PACING_MICROS, Integer.MAX_VALUE),
            (int) number(json, "burst", 0, Integer.MAX_VALUE),
            json.has("udp_counters_64bit"),
            (int) number(json, "window", 0, Integer.MAX_VALUE),
            json.has("nodelay"));
    }

    private static long number(JsonNode json, String key, long absent, long max) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isNumber() || value.asDouble() < Long.MIN_VALUE || value.asDouble() > max) {
            throw new Invalid(IperfError.IERECVPARAMS, "parameter '" + key + "' must be a number up to " + max + ", not " + value);
        }
        return value.asLong();
    }

    private static List<String> names(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void check(boolean ok, int code, String message) {
        if (!ok) {
            throw new Invalid(code, message);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, %d stream%s%s, %s", protocol, parallel, parallel == 1 ? "" : "s",
            reverse ? ", reverse" : "", seconds > 0 ? seconds + " s" : bytes > 0 ? bytes + " bytes" : blocks + " blocks");
    }
}
