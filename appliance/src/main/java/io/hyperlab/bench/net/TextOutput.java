package io.hyperlab.bench.net;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** iperf3's terminal output (iperf_locale.c formats): connection lines, a line per stream each interval, the summary. */
public final class TextOutput implements Reporter {
    private static final String SEPARATOR = "- - - - - - - - - - - - - - - - - - - - - - - - -";
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean server;
    private boolean headerPrinted;
    private boolean failed;

    /** Lines go to {@code out}, "iperf3: error - ..." lines to {@code err}; a server prints only its own side at the end. */
    public TextOutput(PrintWriter out, PrintWriter err, boolean server) {
        this.out = out;
        this.err = err;
        this.server = server;
    }

    @Override
    public void listening(int port, int test) {
        out.println("-----------------------------------------------------------");
        out.println("Server listening on " + port + " (test #" + test + ")");
        out.println("-----------------------------------------------------------");
        out.flush();
        headerPrinted = false;
    }

    @Override
    public void connecting(String host, int port, boolean reverse) {
        out.println("Connecting to host " + host + ", port " + port);
        if (reverse) {
            out.println("Reverse mode, remote host " + host + " is sending");
        }
        out.flush();
    }

    @Override
    public void accepted(InetSocketAddress client) {
        out.println("Accepted connection from " + host(client) + ", port " + client.getPort());
        out.flush();
    }

    @Override
    public void connected(int socket, InetSocketAddress local, InetSocketAddress remote) {
        out.println("[" + Units.pad(socket, 3) + "] local " + host(local) + " port " + local.getPort() + " connected to "
            + host(remote) + " port " + remote.getPort());
        out.flush();
    }

    @Override
    public void interval(Session session, Report.Interval interval) {
        boolean tcp = session.spec.protocol() == TestSpec.Protocol.TCP;
        boolean retransmits = tcp && session.localSender() && session.senderHasRetransmits();
        if (!headerPrinted) {
            out.println(tcp ? (retransmits ? "[ ID] Interval           Transfer     Bitrate         Retr  Cwnd"
                : "[ ID] Interval           Transfer     Bitrate")
                : session.localSender() ? "[ ID] Interval           Transfer     Bitrate         Total Datagrams"
                : "[ ID] Interval           Transfer     Bitrate         Jitter    Lost/Total Datagrams");
            headerPrinted = true;
        } else if (session.streams.size() > 1) {
            out.println(SEPARATOR);
        }
        // A loop, not forEach(out::println): a method reference's first use links it (a millisecond, at the first interval).
        for (String line : intervalLines(session, interval, retransmits)) {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void rehearse(Session session, Report.Interval interval) {
        intervalLines(session, interval, session.spec.protocol() == TestSpec.Protocol.TCP && session.localSender());
    }

    /** A line per stream, and the sum's line when there are several. */
    private static List<String> intervalLines(Session session, Report.Interval interval, boolean retransmits) {
        List<String> lines = new ArrayList<>();
        for (Report.Row row : interval.streams()) {
            lines.add(line(id(row.socket()), row, retransmits, true, row.omitted() ? "(omitted)" : ""));
        }
        if (session.streams.size() > 1) {
            lines.add(line("[SUM]", interval.sum(), retransmits, false, interval.sum().omitted() ? "(omitted)" : ""));
        }
        return lines;
    }

    @Override
    public void end(Session session, Report.End end) {
        out.println(SEPARATOR);
        boolean retransmits = end.tcp() && end.retransmitsKnown();
        out.println(end.tcp() ? (retransmits ? "[ ID] Interval           Transfer     Bitrate         Retr"
            : "[ ID] Interval           Transfer     Bitrate")
            : "[ ID] Interval           Transfer     Bitrate         Jitter    Lost/Total Datagrams");
        boolean showSender = !server || end.localSender();
        boolean showReceiver = !server || !end.localSender();
        for (Report.StreamEnd stream : end.streams()) {
            String id = id(stream.sender().socket());
            if (showSender) {
                out.println(endLine(id, stream.sender(), end, retransmits, "sender"));
            }
            if (showReceiver) {
                out.println(endLine(id, stream.receiver(), end, false, "receiver"));
                Report.Row receiver = stream.receiver();
                if (receiver.udp() != null && receiver.udp().outOfOrder() > 0) {
                    out.println(id + " " + Units.fixed(receiver.start(), 1, 4) + "-" + Units.fixed(receiver.end(), 1, 4) + " sec  "
                        + receiver.udp().outOfOrder() + " datagrams received out-of-order");
                }
            }
        }
        if (end.streams().size() > 1) {
            if (showSender) {
                out.println(endLine("[SUM]", end.sumSent(), end, retransmits, "sender"));
            }
            if (showReceiver) {
                out.println(endLine("[SUM]", end.sumReceived(), end, false, "receiver"));
            }
        }
        out.flush();
    }

    @Override
    public void error(String message) {
        stopped("error - " + message);
    }

    @Override
    public void terminated(String note) {
        stopped(note);
    }

    /** iperf3's last words on a test that did not end well; then no "iperf Done.". */
    private void stopped(String text) {
        failed = true;
        out.flush();
        err.println("iperf3: " + text);
        err.flush();
    }

    @Override
    public void finish() {
        if (!server && !failed) {
            out.println();
            out.println("iperf Done.");
        }
        out.flush();
    }

    private static String endLine(String id, Report.Row row, Report.End end, boolean retransmits, String role) {
        if (!end.tcp()) {
            Report.Udp udp = row.sender() ? new Report.Udp(0, 0, row.udp().packets(), 0, 0) : row.udp();
            return udpLine(id, row, udp, role);
        }
        return line(id, row, retransmits && row.sender(), false, role);
    }

    /** One TCP or UDP line; {@code cwnd} adds the congestion window as interval lines do. */
    private static String line(String id, Report.Row row, boolean retransmits, boolean cwnd, String tail) {
        if (row.udp() != null) {
            if (row.sender()) {
                return head(id, row) + "  " + row.udp().packets() + "  " + tail;
            }
            return udpLine(id, row, row.udp(), tail);
        }
        String head = head(id, row);
        if (retransmits && row.sender() && row.retransmits() >= 0) {
            if (cwnd && row.tcp() != null) {
                return head + "  " + Units.pad(row.retransmits(), 3) + "   " + Units.bytes(row.tcp().sndCwndBytes()) + "       " + tail;
            }
            return head + "  " + Units.pad(row.retransmits(), 3) + "             " + tail;
        }
        return head + "                  " + tail;
    }

    private static String udpLine(String id, Report.Row row, Report.Udp udp, String tail) {
        return head(id, row) + "  " + Units.fixed(udp.jitterMs(), 3, 5) + " ms  " + udp.lostPackets() + "/" + udp.packets() + " ("
            + twoSignificant(udp.lostPercent()) + "%)  " + tail;
    }

    /** "[  5]": a stream's label as iperf3 prints it, "[%3d]". */
    private static String id(int socket) {
        return "[" + Units.pad(socket, 3) + "]";
    }

    /** What every line starts with, as iperf3's "%s %6.2f-%-6.2f sec  %s  %s": id, interval, transfer, bitrate. */
    private static String head(String id, Report.Row row) {
        return id + " " + Units.fixed(row.start(), 2, 6) + "-" + Units.fixed(row.end(), 2, -6) + " sec  " + Units.bytes(row.bytes())
            + "  " + Units.bitsPerSecond(row.bitsPerSecond());
    }

    /**
     * C's %.2g for the loss percentage: two significant digits, no trailing zeros, in the exponent
     * form where %g takes it (under 0.0001, and from 100 on: "1e+02"). Rounded as {@link Units#fixed}
     * rounds, and fast for the same reason.
     */
    static String twoSignificant(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return "0";
        }
        double magnitude = Math.abs(value);
        int exponent = (int) Math.floor(Math.log10(magnitude));
        int power = Math.abs(exponent - 1);
        // One correctly rounded step by an exact power of ten, so the product is within an ulp of the truth.
        // A number beyond the table of exact powers takes the exact way.
        double scaled = power >= Units.TEN_TO.length ? Double.NaN
            : exponent >= 1 ? magnitude / Units.TEN_TO[power] : magnitude * Units.TEN_TO[power];
        if (scaled < 10) {
            exponent--;
            scaled *= 10;
        } else if (scaled >= 100) {
            exponent++;
            scaled /= 10;
        }
        long digits = Units.roundedUnlessNearTie(scaled);
        if (digits == Units.NEAR_TIE) {
            BigDecimal exact = new BigDecimal(magnitude).round(new MathContext(2, RoundingMode.HALF_EVEN));
            exponent = exact.precision() - exact.scale() - 1;
            digits = exact.movePointLeft(exponent - 1).longValueExact();
        }
        if (digits == 100) {
            digits = 10;
            exponent++;
        }
        String sign = value < 0 ? "-" : "";
        String tens = Long.toString(digits / 10);
        String ones = digits % 10 == 0 ? "" : Long.toString(digits % 10);
        if (exponent < -4 || exponent >= 2) {
            return sign + tens + (ones.isEmpty() ? "" : "." + ones) + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        if (exponent == 1) {
            return sign + digits;
        }
        String text = exponent == 0 ? tens + (ones.isEmpty() ? "" : "." + ones)
            : "0." + "0".repeat(-exponent - 1) + tens + ones;
        return sign + text;
    }

    static String host(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return host.startsWith("::ffff:") ? host.substring(7) : host;
    }
}
