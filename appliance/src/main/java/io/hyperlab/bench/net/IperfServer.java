package io.hyperlab.bench.net;

import io.hyperlab.HyperLabException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An iperf3-compatible server that a program embeds: {@link #start()}, {@link #port()},
 * {@link #status()}, {@link #stop()}. It serves one test at a time on one thread; a second
 * client meanwhile gets ACCESS_DENIED as from iperf3; a client that says nothing, or says
 * something out of protocol, is dropped after a timeout or at once, and the server stays up.
 */
public final class IperfServer implements AutoCloseable {
    public enum Status { STOPPED, IDLE, BUSY }

    /**
     * @param handshakeTimeout how long a client may go silent before its test runs (cookie, parameters, streams)
     * @param receiveTimeout   how long a running test may go without data (iperf3's --rcv-timeout, 120 s)
     */
    public record Options(Duration handshakeTimeout, Duration receiveTimeout, double intervalSeconds) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(120), 1.0);
        }
    }

    /** What the server knows about the tests it has served. */
    public record Outcome(int test, Optional<Report.End> result, Optional<String> error) {
    }

    private final InetAddress bind;
    private final int requestedPort;
    private final Options options;
    private final Supplier<Reporter> reporters;
    private final List<PendingStream> pending = new ArrayList<>();
    private volatile Status status = Status.STOPPED;
    private volatile Outcome last;
    private volatile boolean stopping;
    private Loop loop;
    private ServerSocketChannel listener;
    private ServerSession current;
    private Reporter reporter;
    private Thread thread;
    private int port;
    private int tests;
    private volatile int testLimit;

    /** @param reporters gives each test its reporter (e.g. a JSON document per test); {@code Reporter.NONE} to stay quiet */
    public IperfServer(InetAddress bind, int port, Options options, Supplier<Reporter> reporters) {
        this.bind = bind;
        this.requestedPort = port;
        this.options = options;
        this.reporters = reporters;
    }

    /**
     * Serves at most {@code count} tests (iperf3's {@code -1} is 1), then listens no more: the
     * reporter of a next test is never made, so no "Server listening" line follows the last
     * result. Zero means no limit. Call it before {@link #start()}.
     */
    public void limitTests(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("test limit below zero: " + count);
        }
        testLimit = count;
    }

    /** Binds the port (0 = any free one) and starts serving on a thread of its own. */
    public synchronized void start() {
        if (status != Status.STOPPED) {
            return;
        }
        try {
            loop = new Loop();
            listener = ServerSocketChannel.open();
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(bind, requestedPort));
            port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            loop.register(listener, SelectionKey.OP_ACCEPT, key -> accept());
        } catch (IOException e) {
            closeQuietly();
            throw new HyperLabException("cannot listen for iperf3 clients on port " + requestedPort + ": " + e.getMessage(), e);
        }
        stopping = false;
        status = Status.IDLE;
        nextTest();
        thread = new Thread(this::serve, "iperf3-server-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return port;
    }

    public Status status() {
        return status;
    }

    /** The last test served, if any. */
    public Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(last);
    }

    /** Stops serving: a test under way ends, every socket closes. */
    public void stop() {
        Thread serving;
        synchronized (this) {
            if (status == Status.STOPPED) {
                return;
            }
            stopping = true;
            serving = thread;
            loop.wakeup();
        }
        try {
            serving.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Waits until the server has served {@code count} tests in all, or the time is up; true if it has. */
    public boolean awaitTests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tests() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Tests finished (well or not) so far. */
    public synchronized int tests() {
        return last == null ? 0 : last.test();
    }

    private void serve() {
        try {
            while (!stopping) {
                try {
                    loop.runOnce(50_000_000L);
                } catch (IperfError e) {
                    if (current != null) {
                        current.fail(e.code(), e.getMessage());
                    }
                } catch (IOException | RuntimeException e) {
                    if (current != null) {
                        current.fail(0, "the test failed: " + e.getMessage());
                    }
                }
                housekeeping(System.nanoTime());
            }
        } finally {
            if (current != null) {
                current.terminate();
                finishTest();
            }
            pending.forEach(p -> closeQuietly(p.channel));
            closeQuietly();
            status = Status.STOPPED;
        }
    }

    private void housekeeping(long now) {
        if (current != null) {
            current.checkTimeouts(now);
            if (current.over()) {
                finishTest();
            }
        }
        pending.removeIf(p -> {
            if (now - p.since > options.handshakeTimeout().toNanos()) {
                closeQuietly(p.channel);
                return true;
            }
            return false;
        });
        try {
            handOver();
        } catch (IOException e) {
            if (current != null) {
                current.fail(0, "a stream failed as it connected: " + e.getMessage());
            }
        }
    }

    private void finishTest() {
        synchronized (this) {
            last = new Outcome(tests, current.result(), current.failure());
        }
        current = null;
        status = Status.IDLE;
        if (testLimit > 0 && tests >= testLimit) {
            stopping = true;
        } else if (!stopping) {
            nextTest();
        }
    }

    private void nextTest() {
        tests++;
        reporter = reporters.get();
        reporter.listening(port, tests);
    }

    /** iperf_accept: a new client if idle; during CREATE_STREAMS a stream that must show the cookie; else ACCESS_DENIED. */
    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            if (current != null && current.over()) {
                // The last test just ended in this same round of the loop: the server is free.
                finishTest();
            }
            if (stopping) {
                // The test limit was reached: the client finds the port closed, as with iperf3 -1.
                closeQuietly(channel);
            } else if (current == null) {
                current = new ServerSession(channel, port, options, loop, reporter);
                status = Status.BUSY;
            } else if (current.acceptsTcpStreams()) {
                PendingStream stream = new PendingStream(channel);
                pending.add(stream);
                stream.key = loop.register(channel, SelectionKey.OP_READ, key -> stream.read());
            } else {
                ServerSession.refuse(channel);
            }
        }
    }

    /** A new data connection until its 37-byte cookie has come. */
    private final class PendingStream {
        final SocketChannel channel;
        final ByteBuffer cookie = ByteBuffer.allocate(Control.COOKIE_SIZE);
        final long since = System.nanoTime();
        SelectionKey key;
        boolean complete;

        PendingStream(SocketChannel channel) {
            this.channel = channel;
        }

        void read() throws IOException {
            int n = channel.read(cookie);
            if (n < 0) {
                pending.remove(this);
                closeQuietly(channel);
                handOver();
                return;
            }
            if (cookie.hasRemaining()) {
                return;
            }
            key.interestOps(0);
            complete = true;
            handOver();
        }
    }

    /** Hands finished data connections to the test in the order they were accepted, so stream ids match the client's. */
    private void handOver() throws IOException {
        while (!pending.isEmpty() && pending.get(0).complete) {
            PendingStream stream = pending.remove(0);
            if (current == null) {
                ServerSession.refuse(stream.channel);
            } else {
                current.tcpStream(stream.channel, stream.cookie.array());
            }
        }
    }

    private void closeQuietly() {
        try {
            if (loop != null) {
                loop.close();
            }
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // Stopping anyway.
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Gone already.
        }
    }
}
