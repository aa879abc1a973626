package io.hyperlab.bench.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * One test on the server (iperf_server_api.c): the cookie and parameters from the client, the
 * streams it opens (TCP connections that must bring the test's cookie, or UDP "connects"), the
 * test, and the results exchange. Anything out of protocol ends the test with iperf3's
 * SERVER_ERROR answer; the server itself goes on.
 */
final class ServerSession {
    private static final int GRACE_SECONDS = 40;

    private final IperfServer.Options options;
    private final Loop loop;
    private final Control control;
    private final Reporter reporter;
    private final int port;
    private byte[] cookie;
    private Session session;
    private DatagramChannel udpListener;
    private boolean awaitingParameters;
    private boolean awaitingResults;
    private long lastActivity = System.nanoTime();
    private long lastBytes;
    private Report.End end;
    private String failure;
    private boolean over;

    ServerSession(SocketChannel channel, int port, IperfServer.Options options, Loop loop, Reporter reporter) throws IOException {
        this.options = options;
        this.loop = loop;
        this.port = port;
        this.reporter = reporter;
        this.control = new Control(channel);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        control.attach(loop.register(channel, SelectionKey.OP_READ, key -> onControl()));
        reporter.accepted((InetSocketAddress) channel.getRemoteAddress());
    }

    boolean over() {
        return over;
    }

    Optional<Report.End> result() {
        return Optional.ofNullable(end);
    }

    /** Why the test failed, if it did. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether a new TCP connection now is one of this test's streams (else it is a second client). */
    boolean acceptsTcpStreams() {
        return session != null && session.state == State.CREATE_STREAMS && session.spec.protocol() == TestSpec.Protocol.TCP
            && session.streams.size() < session.spec.parallel();
    }

    /** A data connection that sent its 37-byte cookie: a stream if it is this test's, else refused as iperf3 does. */
    void tcpStream(SocketChannel channel, byte[] offered) throws IOException {
        if (!acceptsTcpStreams() || !Control.sameCookie(cookie, offered)) {
            refuse(channel);
            return;
        }
        Stream.applyWindow(channel, session.spec.window());
        channel.setOption(StandardSocketOptions.TCP_NODELAY, session.spec.noDelay());
        addStream(new TcpStream(session.nextStreamId(), session.spec.reverse(), session.blockSize, channel));
    }

    /** iperf3's answer to a connection it will not serve: ACCESS_DENIED, then close. */
    static void refuse(SocketChannel channel) {
        try (channel) {
            channel.configureBlocking(false);
            channel.write(ByteBuffer.wrap(new byte[] {State.ACCESS_DENIED.code}));
        } catch (IOException ignored) {
            // The peer is gone already: refused all the same.
        }
    }

    /** Called often by the server's loop: ends a test that stalls, as iperf3's timeouts do. */
    void checkTimeouts(long now) {
        if (over) {
            return;
        }
        if (session != null && session.state == State.TEST_RUNNING) {
            long moved = session.bytesReceived + session.bytesSent;
            if (moved != lastBytes) {
                lastBytes = moved;
                lastActivity = now;
            }
            if (!session.localSender() && now - lastActivity > options.receiveTimeout().toNanos()) {
                fail(IperfError.IENOMSG, "no data came from the client for " + options.receiveTimeout().toSeconds() + " s");
            }
        } else if (now - lastActivity > options.handshakeTimeout().toNanos()) {
            fail(IperfError.IENOMSG, "the client sent nothing usable for " + options.handshakeTimeout().toMillis() + " ms (state "
                + (session == null ? "awaiting the cookie" : session.state) + ")");
        }
    }

    private void onControl() throws IOException {
        if (over) {
            return;
        }
        if (control.fill() > 0) {
            lastActivity = System.nanoTime();
        }
        try {
            while (!over && handleNext()) {
                // Each message may unlock the next one already buffered.
            }
        } catch (EOFException e) {
            if (session != null && session.state == State.DISPLAY_RESULTS) {
                close(null);
            } else {
                fail(0, "the client has unexpectedly closed the connection");
            }
        } catch (TestSpec.Invalid e) {
            fail(e.code, "the client's parameters are refused: " + e.getMessage());
        } catch (IperfError e) {
            fail(e.code(), e.getMessage());
        }
        if (!over) {
            control.flush();
        }
    }

    private boolean handleNext() throws IOException {
        if (cookie == null) {
            Optional<byte[]> offered = control.takeCookie();
            if (offered.isEmpty()) {
                return false;
            }
            cookie = offered.get();
            control.sendState(State.PARAM_EXCHANGE);
            awaitingParameters = true;
            return true;
        }
        if (awaitingParameters) {
            Optional<JsonNode> parameters = control.takeJson(IperfError.IERECVPARAMS);
            if (parameters.isEmpty()) {
                return false;
            }
            awaitingParameters = false;
            startStreams(TestSpec.fromParameters(parameters.get()));
            return true;
        }
        if (awaitingResults) {
            Optional<JsonNode> results = control.takeJson(IperfError.IERECVRESULTS);
            if (results.isEmpty()) {
                return false;
            }
            awaitingResults = false;
            session.applyResults(results.get());
            control.sendJson(session.results());
            session.state = State.DISPLAY_RESULTS;
            control.sendState(State.DISPLAY_RESULTS);
            end = Report.end(session);
            reporter.end(session, end);
            return true;
        }
        Optional<Byte> next = control.takeStateByte();
        if (next.isEmpty()) {
            return false;
        }
        State state = State.of(next.get()).orElseThrow(() -> new IperfError(IperfError.IEMESSAGE,
            "the client sent an unknown control message (" + next.get() + ")"));
        switch (state) {
            case TEST_START -> {
                // A client's echo of TEST_START carries nothing (iperf_handle_message_server ignores it).
            }
            case TEST_END -> {
                session.drain();
                session.state = State.TEST_END;
                session.finish(loop);
                session.closeStreams();
                session.state = State.EXCHANGE_RESULTS;
                control.sendState(State.EXCHANGE_RESULTS);
                session.afterEnd();
                awaitingResults = true;
            }
            case IPERF_DONE -> close(null);
            case CLIENT_TERMINATE -> {
                // iperf3 shows what it has of a test the client stopped (Ctrl-C), then says so.
                if (session != null) {
                    session.reportSoFar(loop);
                }
                close(IperfError.describe(IperfError.IECLIENTTERM), true);
            }
            default -> throw new IperfError(IperfError.IEMESSAGE, "the client sent " + state + ", which a client never sends");
        }
        return true;
    }

    /** PARAM_EXCHANGE done: listen for UDP if needed, then CREATE_STREAMS. */
    private void startStreams(TestSpec spec) throws IOException {
        session = new Session(Session.Role.SERVER, spec, spec.effectiveBlockSize(0), options.intervalSeconds(), reporter);
        reporter.handshake(Control.text(cookie), 0, spec);
        if (spec.protocol() == TestSpec.Protocol.UDP) {
            try {
                listenUdp();
            } catch (IOException e) {
                throw new IperfError(IperfError.IESTREAMLISTEN, "unable to listen for UDP on port " + port + ": " + e.getMessage());
            }
        }
        session.state = State.CREATE_STREAMS;
        control.sendState(State.CREATE_STREAMS);
    }

    private void listenUdp() throws IOException {
        udpListener = DatagramChannel.open();
        udpListener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        Stream.applyWindow(udpListener, session.spec.window());
        if (!session.spec.reverse()) {
            UdpStream.enlargeReceiveBuffer(udpListener, session.spec.window());
        }
        udpListener.bind(new InetSocketAddress(((InetSocketAddress) control.channel().getLocalAddress()).getAddress(), port));
        DatagramChannel listener = udpListener;
        loop.register(listener, SelectionKey.OP_READ, key -> udpConnect(listener, key));
    }

    /** iperf_udp_accept: the first datagram from a new peer becomes a stream; a new listener takes the port for the next. */
    private void udpConnect(DatagramChannel listener, SelectionKey key) throws IOException {
        if (session == null || session.state != State.CREATE_STREAMS || listener != udpListener) {
            return;
        }
        ByteBuffer message = ByteBuffer.allocate(TestSpec.MAX_UDP_BLOCK);
        SocketAddress peer = listener.receive(message);
        if (peer == null) {
            return;
        }
        lastActivity = System.nanoTime();
        listener.connect(peer);
        key.interestOps(0);
        if (session.streams.size() + 1 < session.spec.parallel()) {
            listenUdp();
        } else {
            udpListener = null;
        }
        UdpStream stream = new UdpStream(session.nextStreamId(), session.spec.reverse(), session.blockSize, listener, session.spec.udp64());
        listener.write(UdpStream.message(UdpStream.CONNECT_REPLY));
        addStream(stream);
    }

    private void addStream(Stream stream) throws IOException {
        session.add(stream, loop);
        reporter.connected(stream.label(), stream.local(), stream.remote());
        lastActivity = System.nanoTime();
        if (session.streams.size() == session.spec.parallel()) {
            control.sendState(State.TEST_START);
            session.state = State.TEST_START;
            session.armStreams();
            session.start(loop);
            if (session.spec.seconds() > 0) {
                loop.schedule((session.spec.seconds() + session.spec.omit() + GRACE_SECONDS) * 1_000_000_000L, 0,
                    () -> fail(0, "the test ran past its time and a grace of " + GRACE_SECONDS + " s"));
            }
            session.state = State.TEST_RUNNING;
            control.sendState(State.TEST_RUNNING);
        }
    }

    /** Ends the test with iperf3's SERVER_ERROR answer when the error has a number, then closes everything. */
    void fail(int code, String message) {
        if (over) {
            return;
        }
        if (code != 0) {
            try {
                control.sendServerError(code);
            } catch (IOException ignored) {
                // The client is gone; it gets no answer.
            }
        }
        close(message);
    }

    /**
     * The server stops while this test is on (Ctrl-C, or its owner stops it), as iperf3 does: the
     * summary so far if the test runs, SERVER_TERMINATE to the client, then "interrupt - the server
     * has terminated".
     */
    void terminate() {
        if (over) {
            return;
        }
        if (session != null && end == null) {
            session.reportSoFar(loop);
        }
        try {
            control.sendState(State.SERVER_TERMINATE);
        } catch (IOException ignored) {
            // The client is gone; it needs no answer.
        }
        close("interrupt - " + IperfError.describe(IperfError.IESERVERTERM), true);
    }

    /** Closes every socket of the test; {@code error} is null for a test that ended as it should. */
    void close(String error) {
        close(error, false);
    }

    /** As {@link #close(String)}; a {@code terminated} test's note is reported as iperf3 reports a stop, not a failure. */
    private void close(String error, boolean terminated) {
        if (over) {
            return;
        }
        over = true;
        failure = error;
        loop.cancelTimers();
        if (session != null) {
            session.closeStreams();
        }
        try {
            if (udpListener != null) {
                udpListener.close();
            }
            control.channel().close();
        } catch (IOException ignored) {
            // Closed is closed.
        }
        if (error != null && terminated) {
            reporter.terminated(error);
        } else if (error != null) {
            reporter.error(error);
        }
        reporter.finish();
    }
}
