package io.hyperlab.bench.net;

/**
 * Wall-clock microseconds for UDP timestamps without an allocation per datagram: the wall time
 * once, then the monotonic clock's progress. Jitter uses only differences of transit times, so a
 * fixed offset from the peer's clock cancels out.
 */
final class Clock {
    private static final long BASE_NANOS = System.nanoTime();
    private static final long BASE_MICROS = System.currentTimeMillis() * 1000;

    private Clock() {
    }

    static long wallMicros() {
        return BASE_MICROS + (System.nanoTime() - BASE_NANOS) / 1000;
    }
}
