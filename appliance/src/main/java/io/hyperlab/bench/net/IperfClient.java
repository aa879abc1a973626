package io.hyperlab.bench.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * An iperf3 client (iperf_client_api.c) against a stock iperf3 server or ours: the cookie,
 * the parameters, the streams, the test on one event loop, then the results exchange. One
 * instance runs one test.
 */
public final class IperfClient {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long UDP_REPLY_TIMEOUT_NANOS = 30_000_000_000L;
    /** iperf3 lets a reversed UDP stream see this many data datagrams before the connect reply. */
    private static final int REVERSE_OUT_OF_ORDER = 2;
    private static final long REPLY_TIMEOUT_NANOS = 30_000_000_000L;
    private static final long RECEIVE_TIMEOUT_NANOS = 120_000_000_000L;

    private final String host;
    private final int port;
    private TestSpec spec;
    private final double intervalSeconds;
    private final Reporter reporter;
    private Loop loop;
    private Control control;
    private Session session;
    private byte[] cookie;
    private InetSocketAddress server;
    private volatile boolean terminating;
    private boolean awaitingResults;
    private boolean awaitingError;
    private Report.End end;
    private long lastHeard;
    private long lastReceived;

    public IperfClient(String host, int port, TestSpec spec, double intervalSeconds, Reporter reporter) {
        this.host = host;
        this.port = port;
        this.spec = spec;
        this.intervalSeconds = intervalSeconds;
        this.reporter = reporter;
    }

    /**
     * Runs the test; the reporter hears it all, ending with {@link Reporter#finish()}.
     *
     * @throws IperfError if the server refuses, fails, goes silent or breaks the protocol
     */
    public Report.End run() {
        try {
            runTest();
            reporter.finish();
            return end;
        } catch (IperfError e) {
            if (e.isTermination()) {
                reporter.terminated(e.getMessage());
            } else {
                reporter.error(e.getMessage());
            }
            reporter.finish();
            throw e;
        } catch (IOException e) {
            String message = "lost the test with " + host + " port " + port + ": " + e.getMessage();
            reporter.error(message);
            reporter.finish();
            throw new IperfError(IperfError.IECTRLCLOSE, message);
        } finally {
            if (session != null) {
                session.closeStreams();
            }
            if (loop != null) {
                try {
                    loop.close();
                } catch (IOException ignored) {
                    // Nothing more to tell the server.
                }
            }
        }
    }

    /**
     * Stops the test from another thread, as Ctrl-C stops iperf3's: the summary so far is reported,
     * the server hears CLIENT_TERMINATE, and {@link #run()} throws an {@link IperfError} whose
     * message is iperf3's "interrupt - the client has terminated". A client still connecting stops
     * when its connect gives up.
     */
    public void terminate() {
        terminating = true;
        Loop running = loop;
        if (running != null) {
            running.wakeup();
        }
    }

    private void runTest() throws IOException {
        loop = new Loop();
        server = new InetSocketAddress(host, port);
        if (server.isUnresolved()) {
            throw new IperfError(IperfError.IECONNECT, "unable to connect to server: unknown host '" + host + "'");
        }
        SocketChannel channel = connect();
        reporter.connecting(host, port, spec.reverse());
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        control = new Control(channel);
        cookie = Control.newCookie();
        control.send(cookie);
        // Read after the cookie is sent, as iperf3 does: the MSS then is the one UDP datagrams are sized to.
        int mss = TcpInfo.mss(TcpInfo.fd(channel));
        int blockSize = spec.effectiveBlockSize(mss);
        // A stock server takes the block length from the parameters: send the one chosen here.
        spec = spec.withBlockSize(blockSize);
        session = new Session(Session.Role.CLIENT, spec, blockSize, intervalSeconds, reporter);
        control.attach(loop.register(channel, SelectionKey.OP_READ, key -> onControl()));
        reporter.handshake(Control.text(cookie), mss, spec);
        lastHeard = System.nanoTime();
        while (session.state != State.IPERF_DONE) {
            loop.runOnce(100_000_000L);
            if (terminating) {
                stopEarly();
                control.sendState(State.CLIENT_TERMINATE);
                throw IperfError.terminated(IperfError.IECLIENTTERM, "interrupt - " + IperfError.describe(IperfError.IECLIENTTERM));
            }
            long now = System.nanoTime();
            if (session.state == State.TEST_RUNNING && !session.done && !session.omitting
                && (session.timeUp || session.limitReached())) {
                session.finish(loop);
                session.state = State.TEST_END;
                control.sendState(State.TEST_END);
                session.afterEnd();
                lastHeard = now;
            }
            checkSilence(now);
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(server, CONNECT_TIMEOUT_MILLIS);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw new IperfError(IperfError.IECONNECT, "unable to connect to server " + host + " port " + port + ": " + e.getMessage());
        }
    }

    /** A server silent outside the running test, or a sender silent for iperf3's 120 s, ends the test. */
    private void checkSilence(long now) {
        boolean running = session.state == State.TEST_RUNNING;
        if (!running && now - lastHeard > REPLY_TIMEOUT_NANOS) {
            throw new IperfError(IperfError.IENOMSG, "the server sent nothing for " + REPLY_TIMEOUT_NANOS / 1_000_000_000L
                + " s while the test was in state " + session.state);
        }
        if (running && !session.localSender()) {
            if (session.bytesReceived != lastReceived) {
                lastReceived = session.bytesReceived;
                lastHeard = now;
            } else if (now - lastHeard > RECEIVE_TIMEOUT_NANOS) {
                throw new IperfError(IperfError.IENOMSG, "no data came from the server for "
                    + RECEIVE_TIMEOUT_NANOS / 1_000_000_000L + " s");
            }
        }
    }

    private void onControl() throws IOException {
        if (control.fill() > 0) {
            lastHeard = System.nanoTime();
        }
        try {
            while (session.state != State.IPERF_DONE && handleNext()) {
                // Each message may unlock the next one already buffered.
            }
        } catch (EOFException e) {
            throw new IperfError(IperfError.IECTRLCLOSE, "the server closed the control connection (in state "
                + session.state + ")");
        }
        control.flush();
    }

    /** Handles one whole message if it has come; false when more bytes are needed. */
    private boolean handleNext() throws IOException {
        if (awaitingError) {
            Optional<byte[]> codes = control.take(8);
            if (codes.isEmpty()) {
                return false;
            }
            ByteBuffer b = ByteBuffer.wrap(codes.get());
            throw IperfError.fromServer(b.getInt(), b.getInt());
        }
        if (awaitingResults) {
            Optional<JsonNode> results = control.takeJson(IperfError.IERECVRESULTS);
            if (results.isEmpty()) {
                return false;
            }
            session.applyResults(results.get());
            awaitingResults = false;
            return true;
        }
        Optional<Byte> next = control.takeStateByte();
        if (next.isEmpty()) {
            return false;
        }
        State state = State.of(next.get()).orElseThrow(() -> new IperfError(IperfError.IEMESSAGE,
            "the server sent an unknown control message (" + next.get() + ")"));
        switch (state) {
            case PARAM_EXCHANGE -> control.sendJson(spec.toParameters());
            case CREATE_STREAMS -> createStreams();
            case TEST_START -> {
                session.state = State.TEST_START;
                session.start(loop);
            }
            case TEST_RUNNING -> {
                session.state = State.TEST_RUNNING;
                lastReceived = session.bytesReceived;
            }
            case EXCHANGE_RESULTS -> {
                session.finish(loop);
                session.afterEnd();
                session.state = State.EXCHANGE_RESULTS;
                control.sendJson(session.results());
                awaitingResults = true;
            }
            case DISPLAY_RESULTS -> {
                session.closeStreams();
                end = Report.end(session);
                reporter.end(session, end);
                control.sendState(State.IPERF_DONE);
                session.state = State.IPERF_DONE;
            }
            case ACCESS_DENIED -> throw new IperfError(IperfError.IEACCESSDENIED, IperfError.describe(IperfError.IEACCESSDENIED));
            case SERVER_ERROR -> awaitingError = true;
            case SERVER_TERMINATE -> {
                stopEarly();
                throw new IperfError(IperfError.IESERVERTERM, IperfError.describe(IperfError.IESERVERTERM));
            }
            default -> throw new IperfError(IperfError.IEMESSAGE, "the server sent " + state + ", which a server never sends");
        }
        return true;
    }

    /**
     * Waits for the server's UDP connect reply, letting {@code tolerated} other datagrams come first.
     * Through a selector of its own, not the blocking socket adaptor: the adaptor's first receive sets
     * up method handles, which took 3 ms after the reply had come, while the server's clock, started
     * with the reply, ran on.
     */
    private static void awaitConnectReply(DatagramChannel channel, int tolerated) throws IOException {
        ByteBuffer reply = ByteBuffer.allocate(TestSpec.MAX_UDP_BLOCK);
        long deadline = System.nanoTime() + UDP_REPLY_TIMEOUT_NANOS;
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            int seen = 0;
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("no reply came in " + UDP_REPLY_TIMEOUT_NANOS / 1_000_000_000L + " s");
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                while (reply.clear() != null && channel.read(reply) > 0) {
                    if (UdpStream.isOneOf(reply.flip(), UdpStream.CONNECT_REPLY, UdpStream.LEGACY_CONNECT_REPLY)) {
                        return;
                    }
                    if (++seen > tolerated) {
                        throw new IOException("the server's reply was not iperf3's UDP connect reply");
                    }
                }
            }
        }
    }

    /** The test ends before its results (either side's Ctrl-C): the summary so far, and no more data. */
    private void stopEarly() {
        session.reportSoFar(loop);
        session.closeStreams();
    }

    /** CREATE_STREAMS: opens the streams one after another, as iperf3 does, so both sides number them alike. */
    private void createStreams() throws IOException {
        boolean sender = !spec.reverse();
        for (int i = 0; i < spec.parallel(); i++) {
            Stream stream = spec.protocol() == TestSpec.Protocol.TCP ? tcpStream(sender) : udpStream(sender);
            reporter.connected(stream.label(), stream.local(), stream.remote());
        }
        session.armStreams();
    }

    private Stream tcpStream(boolean sender) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            Stream.applyWindow(channel, spec.window());
            channel.socket().connect(server, CONNECT_TIMEOUT_MILLIS);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, spec.noDelay());
            ByteBuffer out = ByteBuffer.wrap(cookie);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            TcpStream stream = new TcpStream(session.nextStreamId(), sender, session.blockSize, channel);
            session.add(stream, loop);
            return stream;
        } catch (IOException e) {
            channel.close();
            throw new IperfError(IperfError.IESTREAMCONNECT, "unable to connect stream to " + host + " port " + port + ": " + e.getMessage());
        }
    }

    /** A UDP stream "connects" by sending 4 bytes and waiting for the server's 4-byte reply. */
    private Stream udpStream(boolean sender) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            Stream.applyWindow(channel, spec.window());
            if (!sender) {
                UdpStream.enlargeReceiveBuffer(channel, spec.window());
            }
            channel.connect(server);
            // The stream (its buffer of random bytes, its place in the loop) is made before the server hears
            // from it: once the server has its reply out it starts the test, and what is done here after
            // that delays the first datagram by the milliseconds that cold code takes.
            UdpStream stream = new UdpStream(session.nextStreamId(), sender, session.blockSize, channel, spec.udp64());
            session.add(stream, loop);
            channel.write(UdpStream.message(UdpStream.CONNECT_MSG));
            awaitConnectReply(channel, spec.reverse() ? REVERSE_OUT_OF_ORDER : 0);
            return stream;
        } catch (IOException e) {
            channel.close();
            throw new IperfError(IperfError.IESTREAMREAD, "unable to start a UDP stream with " + host + " port " + port + ": " + e.getMessage());
        }
    }
}
