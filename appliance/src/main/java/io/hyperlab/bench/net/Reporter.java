package io.hyperlab.bench.net;

import java.net.InetSocketAddress;

/**
 * Hears a test as it goes, on the loop's thread (iperf3's on_connect, on_new_stream,
 * reporter_callback): {@link TextOutput} prints iperf3's lines, {@link JsonOutput} builds
 * iperf3's {@code --json} document. Every method may be ignored.
 */
public interface Reporter {
    /** A server is ready for test number {@code test}. */
    default void listening(int port, int test) {
    }

    default void connecting(String host, int port, boolean reverse) {
    }

    default void accepted(InetSocketAddress client) {
    }

    /** The control connection is set up and the cookie chosen. */
    default void handshake(String cookie, int mss, TestSpec spec) {
    }

    default void connected(int socket, InetSocketAddress local, InetSocketAddress remote) {
    }

    default void testStarted(Session session) {
    }

    default void interval(Session session, Report.Interval interval) {
    }

    /**
     * Prepares an interval as {@link #interval} would, and prints it nowhere: run once before the
     * test's clock starts, so that the first real interval does not pay for loading what its
     * output needs while the loop's thread should be moving data.
     */
    default void rehearse(Session session, Report.Interval interval) {
    }

    default void end(Session session, Report.End end) {
    }

    /** The test failed; iperf3 prints "iperf3: error - ..." or puts "error" in the JSON. */
    default void error(String message) {
    }

    /**
     * The test stopped early, after the summary so far: Ctrl-C on this side ("interrupt - the client
     * has terminated") or the client's on the server's ("the client has terminated"). iperf3 prints
     * "iperf3: " and the note, or puts it in the JSON's "error".
     */
    default void terminated(String note) {
    }

    /** The test is over, well or not. */
    default void finish() {
    }

    /** Hears nothing. */
    Reporter NONE = new Reporter() {
    };
}
