package io.hyperlab.bench.net;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP data stream (iperf_tcp.c): whole blocks written from one direct buffer filled once with
 * random bytes, reads of up to a block, and the kernel's retransmit count per interval when it
 * tells it.
 */
final class TcpStream extends Stream {
    private final SocketChannel channel;
    private final boolean retransmitsKnown;
    private long previousRetransmits;
    long retransmits;

    TcpStream(int id, boolean sender, int blockSize, SocketChannel channel) {
        super(id, sender, blockSize, channel);
        this.channel = channel;
        byte[] random = new byte[blockSize];
        ThreadLocalRandom.current().nextBytes(random);
        buffer.put(random).flip();
        buffer.position(buffer.limit());
        retransmitsKnown = sender && TcpInfo.read(fd).isPresent();
    }

    /** Whether this sender knows its retransmits (iperf3's sender_has_retransmits). */
    boolean retransmitsKnown() {
        return retransmitsKnown;
    }

    @Override
    SelectableChannel channel() {
        return channel;
    }

    @Override
    int send() throws IOException {
        if (!buffer.hasRemaining()) {
            buffer.clear();
        }
        int n = channel.write(buffer);
        bytesSent += n;
        intervalBytes += n;
        return n;
    }

    @Override
    boolean blockDone() {
        return !buffer.hasRemaining();
    }

    @Override
    int receive(boolean counting) throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        if (n > 0 && counting) {
            bytesReceived += n;
            intervalBytes += n;
        }
        return n;
    }

    @Override
    void start(long now) {
        super.start(now);
        previousRetransmits = totalRetransmits(0);
    }

    @Override
    void resetAfterOmit(long now) {
        super.resetAfterOmit(now);
        previousRetransmits = totalRetransmits(previousRetransmits);
        retransmits = 0;
    }

    /**
     * The kernel's count of this connection's retransmits so far, or {@code otherwise} where it
     * cannot be read. Plain code, no Optional.map(method reference): this runs once the peer's clock
     * is running, and a method reference's first use costs a fraction of a millisecond to link.
     */
    private long totalRetransmits(long otherwise) {
        Optional<TcpInfo.Snapshot> info = TcpInfo.read(fd);
        return info.isPresent() ? info.get().totalRetransmits() : otherwise;
    }

    @Override
    Interval closeInterval(long now, boolean omitted) {
        TcpInfo.Snapshot tcp = null;
        long delta = -1;
        if (retransmitsKnown) {
            Optional<TcpInfo.Snapshot> info = TcpInfo.read(fd);
            if (info.isPresent()) {
                tcp = info.get();
                delta = tcp.totalRetransmits() - previousRetransmits;
                previousRetransmits = tcp.totalRetransmits();
                retransmits += delta;
            }
        }
        Interval interval = new Interval(seconds(startNanos, intervalStartNanos), seconds(startNanos, now), intervalBytes,
            omitted, delta, tcp, 0, 0, 0, 0);
        intervals.add(interval);
        intervalBytes = 0;
        intervalStartNanos = now;
        endNanos = now;
        return interval;
    }
}
