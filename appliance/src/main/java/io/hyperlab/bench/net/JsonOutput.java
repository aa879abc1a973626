package io.hyperlab.bench.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.Json;
import io.hyperlab.Version;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * iperf3's {@code --json} document (iperf_json_start/finish and the JSON branches of the
 * reporters): {@code start}, {@code intervals}, {@code end} with {@code streams},
 * {@code sum_sent} and {@code sum_received} (and UDP's {@code sum}), and {@code error} on
 * failure, so that scripts written for iperf3 read ours unchanged. Printed once, at the end.
 */
public final class JsonOutput implements Reporter {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);
    private final PrintWriter out;
    private ObjectNode top;
    private ObjectNode start;
    private ArrayNode intervals;
    private ObjectNode end;

    public JsonOutput(PrintWriter out) {
        this.out = out;
        reset();
    }

    private void reset() {
        top = Json.MAPPER.createObjectNode();
        start = top.putObject("start");
        start.putArray("connected");
        start.put("version", "HyperLab " + Version.current() + " (iperf 3.12 protocol)");
        start.put("system_info", systemInfo());
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        start.putObject("timestamp").put("time", RFC_1123.format(now)).put("timesecs", now.toEpochSecond());
        intervals = top.putArray("intervals");
        end = top.putObject("end");
    }

    /** The document so far (or the finished one), for callers that keep it rather than print it. */
    public ObjectNode document() {
        return top;
    }

    @Override
    public void connecting(String host, int port, boolean reverse) {
        start.putObject("connecting_to").put("host", host).put("port", port);
    }

    @Override
    public void accepted(InetSocketAddress client) {
        start.putObject("accepted_connection").put("host", TextOutput.host(client)).put("port", client.getPort());
    }

    @Override
    public void handshake(String cookie, int mss, TestSpec spec) {
        start.put("cookie", cookie);
        if (spec.protocol() == TestSpec.Protocol.TCP) {
            start.put("tcp_mss_default", mss);
        }
        start.put("target_bitrate", spec.bitrate());
    }

    @Override
    public void connected(int socket, InetSocketAddress local, InetSocketAddress remote) {
        ((ArrayNode) start.get("connected")).addObject().put("socket", socket).put("local_host", TextOutput.host(local))
            .put("local_port", local.getPort()).put("remote_host", TextOutput.host(remote)).put("remote_port", remote.getPort());
    }

    @Override
    public void testStarted(Session session) {
        TestSpec spec = session.spec;
        start.putObject("test_start").put("protocol", spec.protocol().id()).put("num_streams", spec.parallel())
            .put("blksize", session.blockSize).put("omit", spec.omit()).put("duration", spec.seconds())
            .put("bytes", spec.bytes()).put("blocks", spec.blocks()).put("reverse", spec.reverse() ? 1 : 0)
            .put("tos", 0).put("target_bitrate", spec.bitrate());
    }

    @Override
    public void interval(Session session, Report.Interval interval) {
        intervals.add(intervalJson(interval, session.localSender() && session.senderHasRetransmits()));
    }

    @Override
    public void rehearse(Session session, Report.Interval interval) {
        intervalJson(interval, session.localSender());
    }

    private static ObjectNode intervalJson(Report.Interval interval, boolean withRetransmits) {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        ArrayNode streams = entry.putArray("streams");
        for (Report.Row row : interval.streams()) {
            streams.add(row(row, true, withRetransmits, true));
        }
        entry.set("sum", row(interval.sum(), false, withRetransmits, true));
        return entry;
    }

    @Override
    public void end(Session session, Report.End report) {
        ArrayNode streams = end.putArray("streams");
        for (Report.StreamEnd stream : report.streams()) {
            ObjectNode entry = streams.addObject();
            if (report.tcp()) {
                entry.set("sender", flagged(row(stream.sender(), true, report.retransmitsKnown(), false), report.localSender()));
                entry.set("receiver", flagged(row(stream.receiver(), true, false, false), report.localSender()));
            } else {
                entry.set("udp", flagged(row(stream.sender(), true, false, false), report.localSender()));
            }
        }
        if (report.tcp()) {
            end.set("sum_sent", flagged(row(report.sumSent(), false, report.retransmitsKnown(), false), report.localSender()));
            end.set("sum_received", flagged(row(report.sumReceived(), false, false, false), report.localSender()));
        } else {
            end.set("sum", flagged(row(report.udpSum(), false, false, false), report.localSender()));
            end.set("sum_sent", flagged(row(report.sumSent(), false, false, false), true));
            end.set("sum_received", flagged(row(report.sumReceived(), false, false, false), false));
        }
        double[] cpu = report.cpu();
        double[] remote = report.remoteCpu();
        end.putObject("cpu_utilization_percent").put("host_total", cpu[0]).put("host_user", cpu[1]).put("host_system", cpu[2])
            .put("remote_total", remote[0]).put("remote_user", remote[1]).put("remote_system", remote[2]);
    }

    @Override
    public void error(String message) {
        top.put("error", message);
    }

    @Override
    public void terminated(String note) {
        top.put("error", note);
    }

    @Override
    public void finish() {
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(top));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the iperf3 JSON", e);
        }
        out.flush();
    }

    private static ObjectNode row(Report.Row row, boolean withSocket, boolean withRetransmits, boolean interval) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        if (withSocket) {
            json.put("socket", row.socket());
        }
        json.put("start", row.start()).put("end", row.end()).put("seconds", row.seconds()).put("bytes", row.bytes())
            .put("bits_per_second", row.bitsPerSecond());
        if (withRetransmits && row.sender() && row.retransmits() >= 0) {
            json.put("retransmits", row.retransmits());
            if (row.tcp() != null) {
                json.put("snd_cwnd", row.tcp().sndCwndBytes()).put("snd_wnd", row.tcp().sndWndBytes())
                    .put("rtt", row.tcp().rttMicros()).put("rttvar", row.tcp().rttVarMicros()).put("pmtu", row.tcp().pmtu());
            }
        }
        Report.Udp udp = row.udp();
        if (udp != null) {
            if (interval && row.sender()) {
                json.put("packets", udp.packets());
            } else {
                json.put("jitter_ms", udp.jitterMs()).put("lost_packets", udp.lostPackets()).put("packets", udp.packets())
                    .put("lost_percent", udp.lostPercent());
                if (withSocket && !interval) {
                    json.put("out_of_order", udp.outOfOrder());
                }
            }
        }
        if (interval) {
            json.put("omitted", row.omitted());
        }
        json.put("sender", row.sender());
        return json;
    }

    private static ObjectNode flagged(ObjectNode row, boolean sender) {
        row.put("sender", sender);
        return row;
    }

    private static String systemInfo() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("os.name") + " " + host + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }
}
