package io.hyperlab.bench.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.Json;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;

/**
 * What client and server share during one test (iperf_api.c): the streams and their ids, the
 * test clock, interval statistics, the omit period, moving data when a stream is ready, the
 * end conditions, and the results JSON each side sends the other. Public only so that a
 * {@link Reporter} can be written elsewhere; everything in it belongs to this package.
 */
public final class Session {
    enum Role { CLIENT, SERVER }

    private static final int WRITES_PER_WAKEUP = 16;
    private static final int READS_PER_WAKEUP = 16;
    /** At most this much per stream is taken from the socket when the test ends (loopback buffers reach about 6 MiB). */
    private static final long DRAIN_LIMIT = 16L << 20;

    final Role role;
    final TestSpec spec;
    final int blockSize;
    final double intervalSeconds;
    final Reporter reporter;
    final List<Stream> streams = new ArrayList<>();
    State state = State.IPERF_START;
    /** TEST_START has come: the streams' clock runs. */
    boolean started;
    boolean omitting;
    /** The client's timed test has run its seconds (iperf3's test timer). */
    boolean timeUp;
    /** When a client's timed test is up (a {@link System#nanoTime()} reading); never otherwise. */
    private long endsAt = Long.MAX_VALUE;
    boolean done;
    long bytesSent;
    long blocksSent;
    long bytesReceived;
    long blocksReceived;
    double[] localCpu = new double[3];
    double[] remoteCpu = new double[3];
    boolean remoteSenderHasRetransmits;
    private final CpuUsage cpu = new CpuUsage();
    private Loop.Timer statsTimer;
    /** {@link #afterEnd()} has run. */
    private boolean endTaken;
    // Made with the session, not at TEST_START: a method reference's first use costs a fraction of a
    // millisecond, which would hold back the first datagram (the peer's clock is already running).
    private final Runnable tickTask = this::tick;
    private final Runnable endOmitTask = this::endOmit;
    private final Runnable paceTask = this::pace;
    private final Runnable timeIsUpTask = () -> timeUp = true;

    Session(Role role, TestSpec spec, int blockSize, double intervalSeconds, Reporter reporter) {
        this.role = role;
        this.spec = spec;
        this.blockSize = blockSize;
        this.intervalSeconds = intervalSeconds;
        this.reporter = reporter;
        CompilerThreads.idleNew();
        rehearseReports();
    }

    /**
     * Runs the interval report's code once, on an interval of nothing that is printed nowhere,
     * before the test's clock starts. Its first real run loaded and checked classes (Report, its
     * records, the reporter's formatting): 1.6 to 2 ms of the loop's thread at the first interval,
     * after which a paced sender caught up in a burst that a stock receiver's buffer could not hold.
     */
    private void rehearseReports() {
        Report.interval(this);
        Stream.Interval nothing = new Stream.Interval(0, intervalSeconds, 0, false, -1, null, 0, 0, 0, 0);
        Report.Row row = new Report.Row(0, nothing.start(), nothing.end(), nothing.seconds(), 0, 0, localSender(), false, -1, null,
            spec.protocol() == TestSpec.Protocol.UDP ? new Report.Udp(0, 0, 0, 0, 0) : null);
        reporter.rehearse(this, new Report.Interval(List.of(row), row));
    }

    /** Whether this side sends the data: the client unless reversed, the server if reversed. */
    boolean localSender() {
        return (role == Role.CLIENT) != spec.reverse();
    }

    /** iperf3 numbers streams 1, 3, 4, 5, ... (iperf_add_stream never gives 2), in the order they connect. */
    int nextStreamId() {
        return streams.isEmpty() ? 1 : streams.size() + 2;
    }

    /** Whether the sending side knows its retransmits (sender_has_retransmits). */
    boolean senderHasRetransmits() {
        if (spec.protocol() != TestSpec.Protocol.TCP) {
            return false;
        }
        if (localSender()) {
            // A loop, not a stream and a lambda: this runs at the first interval, and a lambda's first use links it.
            for (Stream stream : streams) {
                if (!((TcpStream) stream).retransmitsKnown()) {
                    return false;
                }
            }
            return !streams.isEmpty();
        }
        return remoteSenderHasRetransmits;
    }

    /**
     * A new stream joins the test, and the loop at once, idle until {@link #armStreams()}: its
     * handler is made now, not when the last stream is in, which is when the peer starts its clock
     * (a lambda's first use costs a fraction of a millisecond).
     */
    void add(Stream stream, Loop loop) throws IOException {
        streams.add(stream);
        stream.key = loop.register(stream.channel(), 0, key -> move(stream));
    }

    /** Every stream is in: senders wait to write, receivers to read. */
    void armStreams() {
        for (Stream stream : streams) {
            stream.key.interestOps(stream.sender ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
    }

    /**
     * TEST_START: the clock starts for every stream, with the interval, omit and pacing timers
     * (iperf_init_test), and on the client the timer of a timed test's end. Every timer counts from
     * the one reading of the clock the streams start with, so that the test lasts its seconds to the
     * microsecond: a peer that started its clock first goes on counting until it hears TEST_END.
     */
    void start(Loop loop) {
        started = true;
        long now = System.nanoTime();
        for (Stream stream : streams) {
            stream.start(now);
        }
        cpu.start();
        omitting = spec.omit() > 0;
        long interval = (long) (intervalSeconds * 1e9);
        if (interval > 0) {
            statsTimer = loop.scheduleAt(now + interval, interval, tickTask);
        }
        if (omitting) {
            loop.scheduleAt(now + spec.omit() * 1_000_000_000L, 0, endOmitTask);
        }
        if (localSender() && spec.bitrate() > 0) {
            long pacing = spec.pacingMicros() * 1000L;
            loop.schedulePreciseAt(now + pacing, pacing, paceTask);
        }
        if (role == Role.CLIENT && spec.seconds() > 0) {
            endsAt = now + (spec.seconds() + spec.omit()) * 1_000_000_000L;
            loop.schedulePreciseAt(endsAt, 0, timeIsUpTask);
        }
        reporter.testStarted(this);
    }

    /** A ready stream: send or receive a batch, then let the end conditions be checked. */
    private void move(Stream stream) throws IOException {
        boolean running = state == State.TEST_RUNNING;
        if (stream.sender) {
            if (!running || done || timeUp) {
                return;
            }
            // A paced sender goes on while its average is under the rate (checked after every block, as
            // iperf3 does), so the blocks of one pacing period leave back to back, as stock iperf3's do:
            // a trip through the selector between them spreads them out, lets the receiver fall asleep
            // between two blocks of a burst and shows as jitter. At most a batch a wakeup, so the timers
            // (test end) are checked after a pause's catching up.
            int batch = spec.burst() > 0 ? spec.burst() : WRITES_PER_WAKEUP;
            for (int i = 0; i < batch && stream.green && !limitReached(); i++) {
                int n = stream.send();
                if (n <= 0) {
                    break;
                }
                bytesSent += n;
                if (stream.blockDone()) {
                    blocksSent++;
                }
                long now = System.nanoTime();
                if (now >= endsAt) {
                    // The test's time is up: nothing more leaves, and the peer hears TEST_END now, not
                    // after the rest of a batch that would hold the end timer back.
                    timeUp = true;
                    break;
                }
                if (spec.bitrate() > 0 && spec.burst() == 0) {
                    stream.throttle(now, spec.bitrate());
                }
            }
            if (spec.bitrate() > 0 && spec.burst() > 0) {
                stream.throttle(System.nanoTime(), spec.bitrate());
            }
            if (!stream.green) {
                stream.key.interestOps(0);
            }
        } else {
            if (!running && !done) {
                // Data before TEST_RUNNING is read once the control connection says so, to be counted.
                return;
            }
            for (int i = 0; i < READS_PER_WAKEUP; i++) {
                int n = stream.receive(running);
                if (n < 0) {
                    stream.key.cancel();
                    break;
                }
                if (n == 0) {
                    break;
                }
                if (running) {
                    bytesReceived += n;
                    blocksReceived++;
                }
            }
        }
    }

    /**
     * TEST_END reached the receiving server: what the sender wrote before it is mostly in our
     * socket buffers already, so it is read and counted rather than left uncounted.
     */
    void drain() throws IOException {
        for (Stream stream : streams) {
            if (stream.sender || stream.key == null || !stream.key.isValid()) {
                continue;
            }
            long taken = 0;
            int n;
            while (taken < DRAIN_LIMIT && (n = stream.receive(true)) > 0) {
                taken += n;
                bytesReceived += n;
                blocksReceived++;
            }
        }
    }

    /** The pacing timer: a throttled sender may go again once its average is under the rate. */
    private void pace() {
        if (done || state != State.TEST_RUNNING) {
            return;
        }
        long now = System.nanoTime();
        for (Stream stream : streams) {
            if (stream.sender && stream.key != null && stream.key.isValid()) {
                stream.throttle(now, spec.bitrate());
                stream.key.interestOps(stream.green ? SelectionKey.OP_WRITE : 0);
            }
        }
    }

    /** Whether a byte or block limit is reached, by either direction's count (iperf3 checks both). */
    boolean limitReached() {
        return (spec.bytes() > 0 && (bytesSent >= spec.bytes() || bytesReceived >= spec.bytes()))
            || (spec.blocks() > 0 && (blocksSent >= spec.blocks() || blocksReceived >= spec.blocks()));
    }

    private void tick() {
        if (done) {
            return;
        }
        closeIntervals(System.nanoTime());
        Report.Interval interval = Report.interval(this);
        if (interval != null) {
            reporter.interval(this, interval);
        }
    }

    private void closeIntervals(long now) {
        for (Stream stream : streams) {
            stream.closeInterval(now, omitting);
        }
    }

    private void endOmit() {
        long now = System.nanoTime();
        omitting = false;
        bytesSent = blocksSent = bytesReceived = blocksReceived = 0;
        for (Stream stream : streams) {
            stream.resetAfterOmit(now);
        }
        if (statsTimer != null) {
            statsTimer.restart(now);
        }
    }

    /**
     * TEST_END on this side: the streams stop and the last interval closes, at once. The CPU use
     * and the interval's line follow in {@link #afterEnd()}, once the peer has been told, as iperf3
     * tells it first: the peer's clock runs until it hears.
     */
    void finish(Loop loop) {
        if (done && state != State.TEST_RUNNING) {
            return;
        }
        done = true;
        loop.cancelTimers();
        closeIntervals(System.nanoTime());
    }

    /** The rest of TEST_END (iperf3's stats callback): this side's CPU use, and the last interval's line; once. */
    void afterEnd() {
        if (!done || endTaken) {
            return;
        }
        endTaken = true;
        localCpu = cpu.stop();
        Report.Interval last = intervalSeconds > 0 ? Report.interval(this) : null;
        if (last != null) {
            reporter.interval(this, last);
        }
    }

    /**
     * A test stopped before the results exchange (Ctrl-C on either side): the summary so far, as
     * iperf3 prints it then, from this side's figures alone (the peer's show as zero). Nothing if
     * the streams had not started.
     */
    void reportSoFar(Loop loop) {
        if (!started) {
            return;
        }
        finish(loop);
        afterEnd();
        reporter.end(this, Report.end(this));
    }

    void closeStreams() {
        streams.forEach(Stream::close);
    }

    /** This side's results JSON (send_results). */
    ObjectNode results() {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("cpu_util_total", localCpu[0]);
        json.put("cpu_util_user", localCpu[1]);
        json.put("cpu_util_system", localCpu[2]);
        json.put("sender_has_retransmits", localSender() ? (senderHasRetransmits() ? 1 : 0) : -1);
        ArrayNode list = json.putArray("streams");
        for (Stream s : streams) {
            ObjectNode entry = list.addObject();
            entry.put("id", s.id);
            entry.put("bytes", s.localBytes());
            entry.put("retransmits", s instanceof TcpStream t && s.sender && t.retransmitsKnown() ? t.retransmits : -1);
            UdpStream u = s instanceof UdpStream udp ? udp : null;
            entry.put("jitter", u == null ? 0 : u.jitter);
            entry.put("errors", u == null ? 0 : u.lost);
            entry.put("packets", u == null ? 0 : u.packetCount);
            entry.put("start_time", 0.0);
            entry.put("end_time", s.localSeconds());
        }
        return json;
    }

    /** The peer's results JSON (get_results), matched to our streams by id. */
    void applyResults(JsonNode json) {
        for (String key : List.of("cpu_util_total", "cpu_util_user", "cpu_util_system", "sender_has_retransmits", "streams")) {
            if (!json.has(key)) {
                throw new IperfError(IperfError.IERECVRESULTS, "the peer's results lack '" + key + "'");
            }
        }
        remoteCpu = new double[] {json.get("cpu_util_total").asDouble(), json.get("cpu_util_user").asDouble(),
            json.get("cpu_util_system").asDouble()};
        if (!localSender()) {
            remoteSenderHasRetransmits = json.get("sender_has_retransmits").asInt() == 1;
        }
        for (JsonNode entry : json.get("streams")) {
            for (String key : List.of("id", "bytes", "retransmits", "jitter", "errors", "packets")) {
                if (!entry.has(key) || !entry.get(key).isNumber()) {
                    throw new IperfError(IperfError.IERECVRESULTS, "a stream in the peer's results lacks a number '" + key + "'");
                }
            }
            int id = entry.get("id").asInt();
            Stream stream = streams.stream().filter(s -> s.id == id).findFirst()
                .orElseThrow(() -> new IperfError(IperfError.IESTREAMID, "the peer's results name stream " + id + ", which this test does not have"));
            stream.peerBytes = entry.get("bytes").asLong();
            stream.peerSeconds = entry.has("end_time") && entry.has("start_time")
                ? entry.get("end_time").asDouble() - entry.get("start_time").asDouble() : 0;
            if (stream instanceof UdpStream u) {
                u.peerPackets = entry.get("packets").asLong();
                if (u.sender) {
                    u.jitter = entry.get("jitter").asDouble();
                    u.lost = entry.get("errors").asLong();
                }
            } else if (!stream.sender) {
                stream.peerRetransmits = entry.get("retransmits").asLong();
            }
        }
    }
}
