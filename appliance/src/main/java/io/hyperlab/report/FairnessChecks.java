package io.hyperlab.report;

import io.hyperlab.ByteSize;
import io.hyperlab.report.Comparison.Flag;
import io.hyperlab.report.Comparison.Row;
import io.hyperlab.report.Comparison.SideStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What makes a comparison unfair, read from the sides' environments, settings and results:
 * different CPU models, vCPU counts or memory sizes (between sides, or among the runs pooled in
 * one side), different benchmark settings, and a network result capped by a slow link.
 */
final class FairnessChecks {
    /** Memory sizes within this ratio count as the same: the kernel's total varies with firmware and reservations. */
    static final double MEMORY_TOLERANCE = 1.10;
    /** The least NIC speed XenServer and KVM hosts require (the study's host requirements): 100 Mbit/s. */
    static final double SLOW_LINK_MBITS = 100;
    /** Bandwidths within this ratio of each other count as the same ceiling. */
    static final double SAME_CEILING = 1.25;

    private FairnessChecks() {
    }

    static List<Flag> check(List<SideData> sides, List<Row> rows) {
        List<Flag> flags = new ArrayList<>();
        differing(sides, "cpu-model", "CPU models", env -> normalise(env.cpuModel()), Function.identity(), flags);
        differing(sides, "vcpus", "vCPU counts", SideEnvironment::vcpus, String::valueOf, flags);
        memory(sides, flags);
        settings(sides, flags);
        slowLink(rows, flags);
        return flags;
    }

    private static <T> void differing(List<SideData> sides, String kind, String what, Function<SideEnvironment, T> fact,
                                      Function<T, String> show, List<Flag> flags) {
        Map<String, Set<T>> bySide = new LinkedHashMap<>();
        for (SideData side : sides) {
            Set<T> values = new LinkedHashSet<>();
            side.environments().stream().map(fact).filter(Objects::nonNull).forEach(values::add);
            if (values.size() > 1) {
                flags.add(new Flag(kind, side.name() + " pools runs with different " + what + ": " + join(values, show)));
            }
            if (!values.isEmpty()) {
                bySide.put(side.name(), values);
            }
        }
        if (bySide.values().stream().distinct().count() > 1) {
            List<String> parts = new ArrayList<>();
            bySide.forEach((side, values) -> parts.add(side + ": " + join(values, show)));
            flags.add(new Flag(kind, what + " differ between the sides (" + String.join("; ", parts)
                + "); part of any difference may come from that, not from the hypervisor"));
        }
    }

    private static void memory(List<SideData> sides, List<Flag> flags) {
        Map<String, Long> bySide = new LinkedHashMap<>();
        for (SideData side : sides) {
            side.environments().stream().map(SideEnvironment::memoryBytes).filter(Objects::nonNull)
                .max(Long::compare).ifPresent(bytes -> bySide.put(side.name(), bytes));
        }
        if (bySide.size() < 2) {
            return;
        }
        long least = bySide.values().stream().min(Long::compare).orElseThrow();
        long most = bySide.values().stream().max(Long::compare).orElseThrow();
        if (most > least * MEMORY_TOLERANCE) {
            List<String> parts = new ArrayList<>();
            bySide.forEach((side, bytes) -> parts.add(side + ": " + ByteSize.format(bytes)));
            flags.add(new Flag("memory", "memory sizes differ by more than "
                + Math.round((MEMORY_TOLERANCE - 1) * 100) + "% between the sides (" + String.join("; ", parts) + ")"));
        }
    }

    private static void settings(List<SideData> sides, List<Flag> flags) {
        Map<String, Map<String, Map<String, String>>> byTestAndSetting = new LinkedHashMap<>();
        for (SideData side : sides) {
            side.settings().forEach((test, values) -> values.forEach((setting, value) ->
                byTestAndSetting.computeIfAbsent(test, t -> new LinkedHashMap<>())
                    .computeIfAbsent(setting, s -> new LinkedHashMap<>())
                    .put(side.name(), value)));
        }
        byTestAndSetting.forEach((test, bySetting) -> bySetting.forEach((setting, bySide) -> {
            boolean tested = sides.stream().filter(side -> bySide.containsKey(side.name())).count() > 1;
            if (tested && (bySide.values().stream().distinct().count() > 1 || bySide.values().stream().anyMatch(v -> v.contains(" and ")))) {
                List<String> parts = new ArrayList<>();
                bySide.forEach((side, value) -> parts.add(side + ": " + value));
                flags.add(new Flag("settings", test + " ran with different " + setting + " (" + String.join("; ", parts)
                    + "); results of different settings do not compare"));
            }
        }));
    }

    /**
     * A network bandwidth that every side measured under 100 Mbit/s, within 25% of each other:
     * a supported host has at least a 100 Mbit/s NIC, so both sides most likely hit the same
     * outside ceiling (the study's Wi-Fi laptop held both hypervisors near 35 Mbit/s), and the
     * comparison says little about the hypervisors.
     */
    private static void slowLink(List<Row> rows, List<Flag> flags) {
        for (Row row : rows) {
            if (row.group() != Group.NETWORK || !row.metric().equals("Bandwidth") || row.sides().size() < 2
                || !row.unit().toLowerCase(Locale.ROOT).startsWith("mbit")) {
                continue;
            }
            double least = row.sides().stream().mapToDouble(SideStats::mean).min().orElseThrow();
            double most = row.sides().stream().mapToDouble(SideStats::mean).max().orElseThrow();
            if (most < SLOW_LINK_MBITS && least > 0 && most <= least * SAME_CEILING) {
                flags.add(new Flag("slow-link", row.test() + " Bandwidth is under " + (int) SLOW_LINK_MBITS
                    + " Mbit/s on every side and within " + Math.round((SAME_CEILING - 1) * 100) + "% across them ("
                    + String.format(Locale.ROOT, "%.1f to %.1f", least, most) + " Mbit/s): a slow link to the iperf peer"
                    + " (Wi-Fi, a 100 Mbit/s switch) likely capped both sides, so this says little about the hypervisors"));
            }
        }
    }

    private static <T> String join(Set<T> values, Function<T, String> show) {
        return String.join(" and ", values.stream().map(show).toList());
    }

    private static String normalise(String cpuModel) {
        return cpuModel == null ? null : cpuModel.trim().replaceAll("\\s+", " ");
    }
}
