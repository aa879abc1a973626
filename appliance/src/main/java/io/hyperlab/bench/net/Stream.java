package io.hyperlab.bench.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One data stream of a test (iperf_stream): which way it sends, its one reusable direct buffer,
 * its byte counts, its interval records, and what the peer reported for it at the end.
 */
abstract class Stream {
    /** What one stream did in one reporting interval (iperf_interval_results). */
    record Interval(double start, double end, long bytes, boolean omitted, long retransmits, TcpInfo.Snapshot tcp,
                    long packets, long lost, long outOfOrder, double jitter) {
        double seconds() {
            return end - start;
        }
    }

    final int id;
    final boolean sender;
    final int blockSize;
    final ByteBuffer buffer;
    final OptionalInt fd;
    final List<Interval> intervals = new ArrayList<>();
    SelectionKey key;

    long bytesSent;
    long bytesSentOmit;
    long bytesReceived;
    long intervalBytes;
    long startNanos;
    long intervalStartNanos;
    long endNanos;
    boolean green = true;

    /** Filled from the peer's results: its byte count and the seconds it measured them over. */
    long peerBytes = -1;
    double peerSeconds;
    long peerRetransmits = -1;

    Stream(int id, boolean sender, int blockSize, NetworkChannel channel) {
        this.id = id;
        this.sender = sender;
        this.blockSize = blockSize;
        this.buffer = ByteBuffer.allocateDirect(blockSize);
        this.fd = TcpInfo.fd(channel);
    }

    abstract SelectableChannel channel();

    /** Sends one block (or the rest of one); returns the bytes written, 0 when the socket has no room. */
    abstract int send() throws IOException;

    /** Reads what has come; bytes count only while {@code counting} (TEST_RUNNING). Returns -1 at end of stream. */
    abstract int receive(boolean counting) throws IOException;

    /** Whether the last send finished a block (iperf3 counts blocks, not writes). */
    abstract boolean blockDone();

    /** Closes the interval that ends at {@code now}. */
    abstract Interval closeInterval(long now, boolean omitted);

    /** Forgets what was counted during the omitted seconds (iperf_reset_stats). */
    void resetAfterOmit(long now) {
        bytesSentOmit = bytesSent;
        bytesReceived = 0;
        intervalBytes = 0;
        startNanos = now;
        intervalStartNanos = now;
    }

    void start(long now) {
        startNanos = now;
        intervalStartNanos = now;
        endNanos = now;
    }

    /** The label iperf3 prints in brackets: the socket's descriptor, or the stream id where that is hidden. */
    int label() {
        return fd.orElse(id);
    }

    /** Bytes this side sent or received, as iperf3 reports them. */
    long localBytes() {
        return sender ? bytesSent - bytesSentOmit : bytesReceived;
    }

    double localSeconds() {
        return (endNanos - startNanos) / 1e9;
    }

    double elapsed(long now) {
        return (now - startNanos) / 1e9;
    }

    /** iperf_check_throttle: a rate-limited sender may send while its average is under the rate. */
    void throttle(long now, long bitsPerSecond) {
        if (bitsPerSecond <= 0) {
            green = true;
            return;
        }
        double seconds = (now - startNanos) / 1e9;
        green = seconds <= 0 || (bytesSent * 8) / seconds < bitsPerSecond;
    }

    InetSocketAddress local() throws IOException {
        return (InetSocketAddress) ((NetworkChannel) channel()).getLocalAddress();
    }

    InetSocketAddress remote() throws IOException {
        return (InetSocketAddress) (channel() instanceof SocketChannel s ? s.getRemoteAddress()
            : ((DatagramChannel) channel()).getRemoteAddress());
    }

    void close() {
        try {
            channel().close();
        } catch (IOException ignored) {
            // Closing is all we wanted; the test's figures are already taken.
        }
    }

    /** iperf3's -w: both socket buffers set to the window the client asked for (0 = the system's). */
    static void applyWindow(NetworkChannel channel, int window) throws IOException {
        if (window > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, window);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, window);
        }
    }

    static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
