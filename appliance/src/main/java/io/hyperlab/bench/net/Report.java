package io.hyperlab.bench.net;

import java.util.ArrayList;
import java.util.List;

/**
 * What iperf3 prints, as data: each interval's rows (iperf_print_intermediate) and the end of a
 * test (iperf_print_results), from one side's view, with the peer's results merged in. The
 * terminal and {@code --json} writers format these; the benchmark reads its figures from them.
 */
public final class Report {
    private Report() {
    }

    /** UDP figures of a row; jitter in milliseconds. */
    public record Udp(double jitterMs, long lostPackets, long packets, double lostPercent, long outOfOrder) {
    }

    /**
     * One line of output. {@code socket} is 0 for a sum; {@code retransmits} is -1 where the
     * sender's kernel did not tell them; {@code tcp} and {@code udp} are null where they do not apply.
     */
    public record Row(int socket, double start, double end, double seconds, long bytes, double bitsPerSecond,
                      boolean sender, boolean omitted, long retransmits, TcpInfo.Snapshot tcp, Udp udp) {
    }

    public record Interval(List<Row> streams, Row sum) {
    }

    /** One stream at the end: a sender row and a receiver row (UDP: the sender row carries the combined figures). */
    public record StreamEnd(Row sender, Row receiver) {
    }

    /**
     * The end of a test. {@code udpSum} is iperf3's old combined UDP sum (null for TCP).
     *
     * @param cpu       this side's {total, user, system} percent
     * @param remoteCpu the peer's, from its results
     */
    public record End(boolean tcp, boolean localSender, boolean retransmitsKnown, List<StreamEnd> streams,
                      Row sumSent, Row sumReceived, Row udpSum, double[] cpu, double[] remoteCpu) {
        /** Bytes the receiving side counted, whichever side that was. */
        public long receivedBytes() {
            return sumReceived.bytes();
        }
    }

    /** The rows of the interval just closed, or null when it is a short, empty tail iperf3 would not print. */
    static Interval interval(Session session) {
        List<Row> rows = new ArrayList<>();
        boolean keep = false;
        long bytes = 0;
        long retransmits = 0;
        long packets = 0;
        long lost = 0;
        double jitter = 0;
        boolean anyRetransmits = false;
        Stream.Interval first = null;
        for (Stream stream : session.streams) {
            if (stream.intervals.isEmpty()) {
                continue;
            }
            Stream.Interval i = stream.intervals.get(stream.intervals.size() - 1);
            first = first == null ? i : first;
            keep |= i.seconds() >= session.intervalSeconds * 0.10 || i.bytes() > 0;
            double bps = i.seconds() > 0 ? i.bytes() * 8 / i.seconds() : 0;
            Udp udp = null;
            if (stream instanceof UdpStream) {
                udp = new Udp(i.jitter() * 1000, i.lost(), i.packets(), i.packets() > 0 ? 100.0 * i.lost() / i.packets() : 0, i.outOfOrder());
                packets += i.packets();
                lost += i.lost();
                jitter += i.jitter();
            }
            if (i.retransmits() >= 0) {
                retransmits += i.retransmits();
                anyRetransmits = true;
            }
            bytes += i.bytes();
            rows.add(new Row(stream.label(), i.start(), i.end(), i.seconds(), i.bytes(), bps, stream.sender, i.omitted(),
                i.retransmits(), i.tcp(), udp));
        }
        if (!keep || first == null) {
            return null;
        }
        Udp udpSum = session.spec.protocol() == TestSpec.Protocol.UDP
            ? new Udp(jitter / session.streams.size() * 1000, lost, packets, packets > 0 ? 100.0 * lost / packets : 0, 0) : null;
        Row sum = new Row(0, first.start(), first.end(), first.seconds(), bytes, first.seconds() > 0 ? bytes * 8 / first.seconds() : 0,
            session.localSender(), first.omitted(), anyRetransmits ? retransmits : -1, null, udpSum);
        return new Interval(rows, sum);
    }

    /** The end of the test as this side prints it, once the peer's results are in. */
    static End end(Session session) {
        boolean tcp = session.spec.protocol() == TestSpec.Protocol.TCP;
        boolean retransmitsKnown = session.senderHasRetransmits();
        List<StreamEnd> streams = new ArrayList<>();
        Stream first = session.streams.isEmpty() ? null : session.streams.get(0);
        double senderTime = 0;
        double receiverTime = 0;
        if (first != null) {
            double local = first.localSeconds();
            senderTime = first.sender ? local : first.peerSeconds > 0 ? first.peerSeconds : local;
            receiverTime = first.sender ? (first.peerSeconds > 0 ? first.peerSeconds : local) : local;
        }
        long totalSent = 0;
        long totalReceived = 0;
        long totalRetransmits = 0;
        long totalPackets = 0;
        long senderPackets = 0;
        long receiverPackets = 0;
        long lostPackets = 0;
        double jitter = 0;
        for (Stream s : session.streams) {
            long sent = s.sender ? s.localBytes() : Math.max(0, s.peerBytes);
            long received = s.sender ? Math.max(0, s.peerBytes) : s.localBytes();
            totalSent += sent;
            totalReceived += received;
            long retransmits = !retransmitsKnown ? -1 : s instanceof TcpStream t && s.sender ? t.retransmits : s.peerRetransmits;
            if (retransmits > 0) {
                totalRetransmits += retransmits;
            }
            Row senderRow;
            Row receiverRow;
            if (s instanceof UdpStream u) {
                long senderCount = (u.sender ? u.packetCount : u.peerPackets) - u.omittedPackets();
                long receiverCount = (u.sender ? u.peerPackets : u.packetCount) - u.omittedPackets();
                long lost = u.lostAfterOmit();
                long packets = senderCount > 0 ? senderCount : receiverCount;
                totalPackets += packets;
                senderPackets += senderCount;
                receiverPackets += receiverCount;
                lostPackets += lost;
                jitter += u.jitter;
                Udp combined = new Udp(u.jitter * 1000, lost, packets, senderCount > 0 ? 100.0 * lost / senderCount : 0,
                    u.outOfOrderAfterOmit());
                senderRow = new Row(s.label(), 0, senderTime, senderTime, sent, rate(sent, senderTime), true, false, -1, null, combined);
                Udp atReceiver = new Udp(u.jitter * 1000, lost, receiverCount, receiverCount > 0 ? 100.0 * lost / receiverCount : 0,
                    u.outOfOrderAfterOmit());
                receiverRow = new Row(s.label(), 0, receiverTime, receiverTime, received, rate(received, receiverTime), false, false,
                    -1, null, atReceiver);
            } else {
                senderRow = new Row(s.label(), 0, senderTime, senderTime, sent, rate(sent, senderTime), true, false, retransmits, null, null);
                receiverRow = new Row(s.label(), 0, receiverTime, receiverTime, received, rate(received, receiverTime), false, false,
                    -1, null, null);
            }
            streams.add(new StreamEnd(senderRow, receiverRow));
        }
        int n = Math.max(1, session.streams.size());
        Row sumSent;
        Row sumReceived;
        Row udpSum = null;
        if (tcp) {
            sumSent = new Row(0, 0, senderTime, senderTime, totalSent, rate(totalSent, senderTime), true, false,
                retransmitsKnown ? totalRetransmits : -1, null, null);
            sumReceived = new Row(0, 0, receiverTime, receiverTime, totalReceived, rate(totalReceived, receiverTime), false, false,
                -1, null, null);
        } else {
            double lostPercent = totalPackets > 0 ? 100.0 * lostPackets / totalPackets : 0;
            udpSum = new Row(0, 0, receiverTime, receiverTime, totalSent, rate(totalSent, senderTime), session.localSender(), false,
                -1, null, new Udp(jitter / n * 1000, lostPackets, totalPackets, lostPercent, 0));
            sumSent = new Row(0, 0, senderTime, senderTime, totalSent, rate(totalSent, senderTime), true, false, -1, null,
                new Udp(0, 0, senderPackets, 0, 0));
            sumReceived = new Row(0, 0, receiverTime, receiverTime, totalReceived, rate(totalReceived, receiverTime), false, false,
                -1, null, new Udp(jitter / n * 1000, lostPackets, receiverPackets, lostPercent, 0));
        }
        return new End(tcp, session.localSender(), retransmitsKnown, streams, sumSent, sumReceived, udpSum,
            session.localCpu, session.remoteCpu);
    }

    private static double rate(long bytes, double seconds) {
        return seconds > 0 ? bytes * 8 / seconds : 0;
    }
}
