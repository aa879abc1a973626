package io.hyperlab.bench.net;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the Linux kernel says about a TCP socket, read as iperf3 reads it: {@code getsockopt}
 * with TCP_INFO (retransmits, congestion window, RTT, path MTU) and TCP_MAXSEG (the MSS that
 * sizes UDP datagrams by default). Java has no public way to either, so this calls libc through
 * JNA on the socket's descriptor, which the JDK gives out only when {@code java.base/sun.nio.ch}
 * is exported to us (the launcher's jar manifest, the tests and trial processes do). Where any
 * of that is missing, nothing is known and callers report -1, as iperf3 does without TCP_INFO.
 */
final class TcpInfo {
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_MAXSEG = 2;
    private static final int TCP_INFO = 11;
    private static final int INFO_BYTES = 232;

    /** struct tcp_info fields iperf3 reports; times in microseconds, windows in bytes. */
    record Snapshot(long totalRetransmits, long sndCwndBytes, long sndWndBytes, long rttMicros, long rttVarMicros, long pmtu) {
    }

    private interface LibC extends Library {
        int getsockopt(int fd, int level, int option, byte[] value, IntByReference length);
    }

    private static final LibC LIBC = load();
    private static final Method FD_VAL = fdMethod();

    private TcpInfo() {
    }

    /** Whether this JVM can read TCP_INFO at all. */
    static boolean available() {
        return LIBC != null && FD_VAL != null;
    }

    /** The socket's descriptor number, if the JDK lets us see it. */
    static OptionalInt fd(Channel channel) {
        if (FD_VAL == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of((Integer) FD_VAL.invoke(channel));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    static Optional<Snapshot> read(OptionalInt fd) {
        if (LIBC == null || fd.isEmpty()) {
            return Optional.empty();
        }
        byte[] info = new byte[INFO_BYTES];
        IntByReference length = new IntByReference(INFO_BYTES);
        if (LIBC.getsockopt(fd.getAsInt(), IPPROTO_TCP, TCP_INFO, info, length) != 0 || length.getValue() < 104) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(info).order(ByteOrder.nativeOrder());
        long mss = u32(b, 16);
        long sndWnd = length.getValue() >= 232 ? u32(b, 228) : 0;
        return Optional.of(new Snapshot(u32(b, 100), u32(b, 80) * mss, sndWnd, u32(b, 68), u32(b, 72), u32(b, 60)));
    }

    /** The connection's maximum segment size, or 0 if unknown. */
    static int mss(OptionalInt fd) {
        if (LIBC == null || fd.isEmpty()) {
            return 0;
        }
        byte[] value = new byte[4];
        IntByReference length = new IntByReference(4);
        if (LIBC.getsockopt(fd.getAsInt(), IPPROTO_TCP, TCP_MAXSEG, value, length) != 0) {
            return 0;
        }
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
    }

    private static long u32(ByteBuffer b, int offset) {
        return Integer.toUnsignedLong(b.getInt(offset));
    }

    private static LibC load() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    private static Method fdMethod() {
        try (SocketChannel probe = SocketChannel.open()) {
            Method method = Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal");
            // Fails (and we know nothing) unless java.base exports sun.nio.ch to this module.
            method.invoke(probe);
            return method;
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            return null;
        }
    }
}
