package io.hyperlab.bench.net;

import io.hyperlab.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network tests' knobs, stored with the run: the peer (a stock {@code iperf3 -s} or another
 * HyperLab's server), each test's length, the UDP rate, and the trials per test. The defaults are
 * the study's: 10 s, UDP at 100 Mbit/s, five trials averaged.
 */
public record NetworkSettings(String host, int port, int seconds, long udpBitrate, int trials) {
    public static final int STUDY_SECONDS = 10;
    public static final long STUDY_UDP_BITRATE = 100_000_000L;
    public static final int STUDY_TRIALS = 5;
    private static final Pattern PEER = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([^:\\s\\[\\]]+))(?::(\\d{1,5}))?");

    public NetworkSettings {
        if (host == null || host.isBlank()) {
            throw new InvalidInputException("the peer must name a host, e.g. 192.168.1.20 or laptop.lan:5201");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("the peer's port must be from 1 to 65535, not " + port);
        }
        if (seconds < 1 || seconds > TestSpec.MAX_SECONDS) {
            throw new InvalidInputException("the network test time must be from 1 to " + TestSpec.MAX_SECONDS + " seconds, not " + seconds);
        }
        if (udpBitrate < 1) {
            throw new InvalidInputException("the UDP bitrate must be at least 1 bit/s, not " + udpBitrate);
        }
        if (trials < 1 || trials > 1000) {
            throw new InvalidInputException("network trials must be from 1 to 1000, not " + trials);
        }
    }

    /** Reads HOST, HOST:PORT or [IPv6]:PORT, with the study's test length, rate and trials. */
    public static NetworkSettings parsePeer(String peer) {
        Matcher m = PEER.matcher(peer == null ? "" : peer.strip());
        if (!m.matches()) {
            throw new InvalidInputException("'" + peer + "' is not a peer: write HOST or HOST:PORT (e.g. 192.168.1.20:5201, [fe80::1]:5201)");
        }
        String host = m.group(1) != null ? m.group(1) : m.group(2);
        int port = m.group(3) != null ? Integer.parseInt(m.group(3)) : TestSpec.DEFAULT_PORT;
        return new NetworkSettings(host, port, STUDY_SECONDS, STUDY_UDP_BITRATE, STUDY_TRIALS);
    }

    public NetworkSettings with(int testSeconds, long bitsPerSecond, int trialCount) {
        return new NetworkSettings(host, port, testSeconds, bitsPerSecond, trialCount);
    }

    /** The peer as the user writes it. */
    public String peer() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
