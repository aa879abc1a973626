package io.hyperlab.bench.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongConsumer;

/**
 * SciMark's timing loop: run a batch of cycles, doubling the count until one batch lasts the
 * minimum time. Like the C SciMark the study ran (which reads {@code clock()}), it counts the
 * CPU time of the measuring thread, so JIT compiler threads and other processes do not count.
 */
final class CpuTimer {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    record Timing(long cycles, double seconds) {
        double mflops(double flops) {
            return flops / seconds * 1.0e-6;
        }
    }

    private CpuTimer() {
    }

    static Timing measure(double minSeconds, LongConsumer batch) {
        long cycles = 1;
        while (true) {
            long start = now();
            batch.accept(cycles);
            double seconds = (now() - start) * 1.0e-9;
            if (seconds >= minSeconds) {
                return new Timing(cycles, seconds);
            }
            cycles *= 2;
        }
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
