package io.hyperlab.bench.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A UDP data stream (iperf_udp.c). Each datagram starts with the send time (seconds and
 * microseconds, u32 big-endian) and a sequence number from 1 (u32, or u64 with 64-bit
 * counters). The receiver counts a forward gap as lost, a step back as out of order (taking one
 * off lost), and filters jitter as RFC 1889 A.8 does: J += (|D| - J) / 16.
 */
final class UdpStream extends Stream {
    /** Messages of the UDP "connect": the client's, the server's reply, and the legacy values; iperf3 writes them in host order. */
    static final int CONNECT_MSG = 0x36373839;
    static final int CONNECT_REPLY = 0x39383736;
    static final int LEGACY_CONNECT_MSG = 123456789;
    static final int LEGACY_CONNECT_REPLY = 987654321;

    /**
     * The receive buffer a receiving stream asks for. The kernel grants at most twice
     * net.core.rmem_max (2 x 208 KiB by default, against 208 KiB when not asked), so that a pause of
     * the receiving thread (a JIT compile, another process on the core) loses fewer datagrams.
     */
    private static final int RECEIVE_BUFFER = 4 << 20;

    private final DatagramChannel channel;
    private final boolean counters64;
    /** Sender: datagrams sent. Receiver: the highest sequence number seen. */
    long packetCount;
    long lost;
    long outOfOrder;
    /** Seconds, as iperf3 keeps and sends it. */
    double jitter;
    /** Microseconds, kept whole so that the differences are exact. */
    private long previousTransit;
    private long omittedPackets;
    private long omittedLost;
    private long omittedOutOfOrder;
    private long lastPackets;
    private long lastLost;
    private long lastOutOfOrder;
    /** From the peer's results: its packet count. */
    long peerPackets;

    UdpStream(int id, boolean sender, int blockSize, DatagramChannel channel, boolean counters64) {
        super(id, sender, blockSize, channel);
        this.channel = channel;
        this.counters64 = counters64;
        byte[] random = new byte[blockSize];
        ThreadLocalRandom.current().nextBytes(random);
        buffer.put(random).clear();
    }

    @Override
    SelectableChannel channel() {
        return channel;
    }

    /** Gives a socket that will receive a stream the larger buffer, unless the user chose a window. */
    static void enlargeReceiveBuffer(DatagramChannel channel, int window) throws IOException {
        if (window == 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        }
    }

    @Override
    int send() throws IOException {
        long micros = Clock.micros();
        buffer.clear();
        buffer.putInt(0, (int) (micros / 1_000_000));
        buffer.putInt(4, (int) (micros % 1_000_000));
        if (counters64) {
            buffer.putLong(8, packetCount + 1);
        } else {
            buffer.putInt(8, (int) (packetCount + 1));
        }
        int n = channel.write(buffer);
        if (n > 0) {
            packetCount++;
            bytesSent += n;
            intervalBytes += n;
        }
        return n;
    }

    @Override
    boolean blockDone() {
        return true;
    }

    @Override
    int receive(boolean counting) throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        if (n > 0 && counting) {
            account(buffer, n, Clock.micros());
        }
        return n;
    }

    /** Counts one datagram that arrived at {@code arrivalMicros}: bytes, loss, order and jitter. */
    void account(ByteBuffer datagram, int length, long arrivalMicros) {
        boolean first = bytesReceived == 0;
        bytesReceived += length;
        intervalBytes += length;
        if (length < (counters64 ? 16 : 12)) {
            return;
        }
        long sentMicros = Integer.toUnsignedLong(datagram.getInt(0)) * 1_000_000 + Integer.toUnsignedLong(datagram.getInt(4));
        long sequence = counters64 ? datagram.getLong(8) : Integer.toUnsignedLong(datagram.getInt(8));
        if (sequence >= packetCount + 1) {
            if (sequence > packetCount + 1) {
                lost += sequence - 1 - packetCount;
            }
            packetCount = sequence;
        } else {
            outOfOrder++;
            if (lost > 0) {
                lost--;
            }
        }
        // As iperf3: the transit is the distance between the two clocks' readings, whichever is ahead.
        long transit = Math.abs(arrivalMicros - sentMicros);
        if (first) {
            previousTransit = transit;
        }
        double d = Math.abs(transit - previousTransit) / 1e6;
        previousTransit = transit;
        jitter += (d - jitter) / 16.0;
    }

    @Override
    void resetAfterOmit(long now) {
        super.resetAfterOmit(now);
        omittedPackets = packetCount;
        omittedLost = lost;
        omittedOutOfOrder = outOfOrder;
        jitter = 0;
    }

    @Override
    Interval closeInterval(long now, boolean omitted) {
        Interval interval = new Interval(seconds(startNanos, intervalStartNanos), seconds(startNanos, now), intervalBytes,
            omitted, -1, null, packetCount - lastPackets, lost - lastLost, outOfOrder - lastOutOfOrder, jitter);
        lastPackets = packetCount;
        lastLost = lost;
        lastOutOfOrder = outOfOrder;
        intervals.add(interval);
        intervalBytes = 0;
        intervalStartNanos = now;
        endNanos = now;
        return interval;
    }

    /** The packet count when the omitted seconds ended (0 without omit). */
    long omittedPackets() {
        return omittedPackets;
    }

    long lostAfterOmit() {
        return lost - omittedLost;
    }

    long outOfOrderAfterOmit() {
        return outOfOrder - omittedOutOfOrder;
    }

    /** Reads the 4-byte connect message or reply in either byte order; iperf3 writes it in the host's. */
    static boolean isOneOf(ByteBuffer message, int... values) {
        if (message.remaining() < 4) {
            return false;
        }
        int big = message.getInt(message.position());
        int little = Integer.reverseBytes(big);
        for (int value : values) {
            if (big == value || little == value) {
                return true;
            }
        }
        return false;
    }

    /** A connect message or reply as an x86 iperf3 writes it (little-endian host order). */
    static ByteBuffer message(int value) {
        return ByteBuffer.allocate(4).putInt(Integer.reverseBytes(value)).flip();
    }
}
