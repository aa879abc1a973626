package io.hyperlab.bench.net;

import io.hyperlab.HyperLabException;

/**
 * A failed iperf3 test, with iperf3's error number ({@code i_errno}) when the protocol carries
 * one: a server answers SERVER_ERROR with it, and a client prints iperf3's text for it.
 */
public final class IperfError extends HyperLabException {
    static final int IENUMSTREAMS = 6;
    static final int IEBLOCKSIZE = 7;
    static final int IEOMIT = 12;
    static final int IEUNIMP = 13;
    static final int IEENDCONDITIONS = 16;
    static final int IEUDPBLOCKSIZE = 20;
    static final int IEDURATION = 5;
    static final int IECONNECT = 103;
    static final int IECTRLCLOSE = 109;
    static final int IEMESSAGE = 110;
    static final int IERECVPARAMS = 114;
    static final int IERECVRESULTS = 117;
    static final int IECLIENTTERM = 119;
    static final int IESERVERTERM = 120;
    static final int IEACCESSDENIED = 121;
    static final int IENOMSG = 144;
    static final int IESTREAMLISTEN = 202;
    static final int IESTREAMCONNECT = 203;
    static final int IESTREAMREAD = 206;
    static final int IESTREAMID = 208;

    private final int code;
    private final boolean terminated;

    IperfError(int code, String message) {
        this(code, message, false);
    }

    private IperfError(int code, String message, boolean terminated) {
        super(message);
        this.code = code;
        this.terminated = terminated;
    }

    /** The test was stopped on purpose (Ctrl-C), not failed: reported with {@link Reporter#terminated}. */
    static IperfError terminated(int code, String note) {
        return new IperfError(code, note, true);
    }

    boolean isTermination() {
        return terminated;
    }

    /** The error a stock iperf3 server sent: its number, explained as iperf3 explains it. */
    static IperfError fromServer(int code, int errno) {
        return new IperfError(code, "the server reported an error: " + describe(code)
            + (errno != 0 ? " (errno " + errno + ")" : ""));
    }

    int code() {
        return code;
    }

    /** iperf3's own words for the error numbers a server sends (iperf_error.c). */
    static String describe(int code) {
        return switch (code) {
            case IEDURATION -> "test duration too long";
            case IENUMSTREAMS -> "number of parallel streams too large (maximum = " + TestSpec.MAX_STREAMS + ")";
            case IEBLOCKSIZE -> "block size too large (maximum = " + TestSpec.MAX_TCP_BLOCK + " bytes)";
            case IEOMIT -> "bogus value for --omit";
            case IEUNIMP -> "an option you are trying to set is not implemented yet";
            case IEENDCONDITIONS -> "only one test end condition (-t, -n, -k) may be specified";
            case IEUDPBLOCKSIZE -> "block size invalid (minimum = " + TestSpec.MIN_UDP_BLOCK + " bytes, maximum = "
                + TestSpec.MAX_UDP_BLOCK + " bytes)";
            case IECTRLCLOSE -> "control socket has closed unexpectedly";
            case IEMESSAGE -> "received an unknown control message";
            case IERECVPARAMS -> "unable to receive parameters from client";
            case IERECVRESULTS -> "unable to receive results";
            case IECLIENTTERM -> "the client has terminated";
            case IESERVERTERM -> "the server has terminated";
            case IEACCESSDENIED -> "the server is busy running a test. try again later";
            case IENOMSG -> "idle timeout for receiving data";
            case IESTREAMLISTEN -> "unable to start stream listener";
            case IESTREAMID -> "stream has an invalid id";
            default -> "iperf3 error " + code;
        };
    }
}
