package io.hyperlab.host;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a host's facts against the requirements the study lists for its hypervisor (the
 * product's {@code reference/thesis-2021.json}, {@code host_requirements}): XAPI hosts against
 * XenServer's, libvirt hosts against KVM's. Sizes there are decimal GB, as vendors write them.
 */
public final class Preflight {
    private static final JsonNode REQUIREMENTS = load();
    private static final Pattern GHZ = Pattern.compile(">=\\s*([0-9.]+)\\s*GHz");
    private static final double GB = 1e9;

    private Preflight() {
    }

    public static PreflightReport check(HostConnection host, HostFacts facts) {
        String hypervisor = host.kind() == HostKind.XAPI ? "xenserver" : "kvm";
        JsonNode rules = REQUIREMENTS.get(hypervisor);
        String cpuRule = rules.get("cpu").asText();
        CpuInfo cpu = facts.cpu();
        List<RequirementCheck> checks = new ArrayList<>();
        boolean needs64 = cpuRule.contains("64-bit");
        checks.add(architecture(cpu, needs64));
        Matcher ghz = GHZ.matcher(cpuRule);
        if (ghz.find()) {
            double min = Double.parseDouble(ghz.group(1));
            checks.add(cpu.mhz() == null
                ? new RequirementCheck("CPU clock", Verdict.UNKNOWN, null, ">= " + ghz.group(1) + " GHz")
                : new RequirementCheck("CPU clock", verdict(cpu.mhz() >= min * 1000),
                    String.format(Locale.ROOT, "%.2f GHz", cpu.mhz() / 1000.0), ">= " + ghz.group(1) + " GHz"));
        }
        String extensions = cpu.virtualizationExtensions().isEmpty() ? null : String.join(", ", cpu.virtualizationExtensions());
        checks.add(new RequirementCheck("hardware virtualization", verdict(cpu.hardwareVirtualization()),
            extensions != null ? extensions : cpu.hardwareVirtualization() == null ? null : "none", "Intel VT-x (vmx) or AMD-V (svm)"));
        double ramMin = rules.get("ram_gb_min").asDouble();
        checks.add(new RequirementCheck("memory", verdict(facts.memoryTotalBytes() >= ramMin * GB),
            gb(facts.memoryTotalBytes()), ">= " + number(ramMin) + " GB"));
        checks.add(disk(facts, rules));
        checks.add(nic(facts, rules.get("nic_mbit_min").asInt()));
        return new PreflightReport(host.name(), hypervisor, checks);
    }

    private static RequirementCheck architecture(CpuInfo cpu, boolean needs64) {
        String rule = needs64 ? "64-bit x86 (x86_64)" : "x86 (x86_64 or i686)";
        if (cpu.architecture() == null) {
            return new RequirementCheck("CPU architecture", Verdict.UNKNOWN, null, rule);
        }
        boolean ok = Boolean.TRUE.equals(cpu.is64BitX86()) || !needs64 && cpu.architecture().matches("i[3-6]86");
        return new RequirementCheck("CPU architecture", verdict(ok), cpu.architecture(), rule);
    }

    private static RequirementCheck disk(HostFacts facts, JsonNode rules) {
        double min = rules.get("disk_gb_min").asDouble();
        String rule = ">= " + number(min) + " GB of VM storage" + (rules.has("disk_gb_recommended")
            ? " (" + number(rules.get("disk_gb_recommended").asDouble()) + " GB recommended)" : "");
        List<StorageInfo> vmStorage = facts.storage().stream().filter(s -> !s.isoLibrary()).toList();
        if (vmStorage.isEmpty()) {
            return new RequirementCheck("disk", Verdict.UNKNOWN, null, rule);
        }
        long total = vmStorage.stream().mapToLong(StorageInfo::capacityBytes).sum();
        return new RequirementCheck("disk", verdict(total >= min * GB), gb(total) + " in " + vmStorage.size()
            + (vmStorage.size() == 1 ? " pool" : " pools"), rule);
    }

    private static RequirementCheck nic(HostFacts facts, int minMbit) {
        String rule = "a NIC of >= " + minMbit + " Mbit/s";
        Integer fastest = facts.nics().stream().map(NicInfo::speedMbps).filter(Objects::nonNull)
            .max(Integer::compare).orElse(null);
        if (fastest == null) {
            return new RequirementCheck("network interface", Verdict.UNKNOWN,
                facts.nics().isEmpty() ? null : facts.nics().size() + " NIC(s), speed not reported", rule);
        }
        return new RequirementCheck("network interface", verdict(fastest >= minMbit), fastest + " Mbit/s", rule);
    }

    private static Verdict verdict(Boolean ok) {
        return ok == null ? Verdict.UNKNOWN : ok ? Verdict.PASS : Verdict.FAIL;
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / GB);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static JsonNode load() {
        try (InputStream in = Preflight.class.getResourceAsStream("/io/hyperlab/reference/thesis-2021.json")) {
            if (in == null) {
                throw new IllegalStateException("the study's reference data is missing from this build");
            }
            return Json.MAPPER.readTree(in).get("host_requirements");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the study's reference data", e);
        }
    }
}
