package io.hyperlab.cli;

import io.hyperlab.ByteSize;
import io.hyperlab.bench.env.Environment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the command line writes numbers, times and environments for people. */
final class Format {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private Format() {
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String time(Instant instant) {
        return instant == null ? "" : LOCAL_TIME.format(instant);
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    static String environment(Environment env) {
        if (env == null) {
            return "not recorded";
        }
        List<String> parts = new ArrayList<>();
        parts.add(Environment.NONE.equals(env.hypervisor()) ? "bare metal"
            : env.hypervisor() + (env.guestType() == null ? "" : " " + env.guestType()) + " guest");
        if (env.cpuModel() != null) {
            parts.add(env.cpuModel());
        }
        parts.add(env.cpuCount() + (env.cpuCount() == 1 ? " CPU" : " CPUs"));
        parts.add(ByteSize.format(env.memoryBytes()));
        if (env.kernel() != null) {
            parts.add("Linux " + env.kernel());
        }
        if (env.os() != null) {
            parts.add(env.os());
        }
        if (env.hostname() != null) {
            parts.add("host " + env.hostname());
        }
        parts.add("HyperLab " + env.hyperlabVersion());
        return String.join(", ", parts);
    }
}
