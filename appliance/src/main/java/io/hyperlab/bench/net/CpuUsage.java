package io.hyperlab.bench.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU use over a test, as iperf3's cpu_util reports it: total, user and system
 * time as percentages of the wall time, read from /proc/self/stat (zeros where it cannot be read).
 */
final class CpuUsage {
    private static final double TICKS_PER_SECOND = 100.0;
    private long startNanos;
    private double[] startTimes;

    /** Reads the times once already, so that the first read's class loading (milliseconds) is not at TEST_START. */
    CpuUsage() {
        startTimes = times();
    }

    void start() {
        startNanos = System.nanoTime();
        startTimes = times();
    }

    /** {total, user, system} percent since {@link #start()}. */
    double[] stop() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double[] now = times();
        if (wall <= 0) {
            return new double[3];
        }
        double user = 100 * (now[0] - startTimes[0]) / wall;
        double system = 100 * (now[1] - startTimes[1]) / wall;
        return new double[] {user + system, user, system};
    }

    private static double[] times() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command name: state is field 3, utime field 14, stime field 15.
            return new double[] {Long.parseLong(fields[11]) / TICKS_PER_SECOND, Long.parseLong(fields[12]) / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[2];
        }
    }
}
