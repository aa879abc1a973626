package io.hyperlab.bench.net;

/**
 * The clock of UDP timestamps: microseconds of the monotonic clock, the one stock iperf3 (3.12)
 * stamps its datagrams with and reads their arrival by (CLOCK_MONOTONIC, which System.nanoTime
 * reads on Linux). Jitter uses only differences of transit times, so the offset between two
 * machines' clocks cancels out. On one machine the transit stays small, so a stock receiver,
 * which takes it in floating-point seconds, keeps every microsecond: a wall-clock stamp against
 * its monotonic arrival time made a transit of 1.8e9 s, where a double's step is 0.24 us.
 */
final class Clock {
    private Clock() {
    }

    static long micros() {
        return System.nanoTime() / 1000;
    }
}
