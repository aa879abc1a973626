package io.hyperlab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The study's requirements per hypervisor: pass, fail or unknown, with the value measured and the rule. */
class PreflightTest {
    private static final long GB = 1_000_000_000L;
    private static final HostConnection KVM = HostConnection.of("kvm1", "qemu:///system", null, null, null);
    private static final HostConnection XEN = HostConnection.of("xen1", "xapi://xen1", "root", null, null);

    @Test
    void studyHostPassesBothHypervisorsRequirements() {
        HostFacts primergy = facts(new CpuInfo("Intel Xeon E5-2407", "x86_64", 1, 4, 1, 4, 2200, List.of("vmx"), true),
            16 * GB, List.of(storage("local", 145 * GB, false)), List.of(new NicInfo("eth0", "00:11:22:33:44:55", 1000, true)));
        PreflightReport kvm = Preflight.check(KVM, primergy);
        assertEquals("kvm", kvm.hypervisor());
        assertEquals(Verdict.PASS, kvm.overall(), kvm.toString());
        assertEquals(List.of("CPU architecture", "hardware virtualization", "memory", "disk", "network interface"),
            kvm.checks().stream().map(RequirementCheck::requirement).toList());
        PreflightReport xen = Preflight.check(XEN, primergy);
        assertEquals("xenserver", xen.hypervisor());
        assertEquals(Verdict.PASS, xen.overall(), xen.toString());
        Map<String, RequirementCheck> checks = byName(xen);
        assertEquals("2.20 GHz", checks.get("CPU clock").measured());
        assertEquals(">= 1.5 GHz", checks.get("CPU clock").rule());
        assertEquals("145.0 GB in 1 pool", checks.get("disk").measured());
        assertEquals(">= 46 GB of VM storage (70 GB recommended)", checks.get("disk").rule());
        assertEquals("1000 Mbit/s", checks.get("network interface").measured());
    }

    @Test
    void smallOldHostFailsWithTheMeasuredValues() {
        HostFacts old = facts(new CpuInfo("Pentium 4", "i686", 1, 1, 2, 2, 1400, List.of(), false),
            1 * GB, List.of(storage("local", 40 * GB, false), storage("isos", 500 * GB, true)),
            List.of(new NicInfo("eth0", null, 10, true)));
        Map<String, RequirementCheck> xen = byName(Preflight.check(XEN, old));
        assertEquals(Verdict.FAIL, xen.get("CPU architecture").verdict());
        assertEquals("i686", xen.get("CPU architecture").measured());
        assertEquals(Verdict.FAIL, xen.get("CPU clock").verdict());
        assertEquals(Verdict.FAIL, xen.get("hardware virtualization").verdict());
        assertEquals("none", xen.get("hardware virtualization").measured());
        assertEquals(Verdict.FAIL, xen.get("memory").verdict());
        assertEquals("1.0 GB", xen.get("memory").measured());
        assertEquals(Verdict.FAIL, xen.get("disk").verdict(), "an ISO library is not VM storage");
        assertEquals(Verdict.FAIL, xen.get("network interface").verdict());
        Map<String, RequirementCheck> kvm = byName(Preflight.check(KVM, old));
        assertEquals(Verdict.PASS, kvm.get("CPU architecture").verdict(), "the study asks KVM hosts for x86, not 64-bit");
    }

    @Test
    void whatTheHostDoesNotTellIsUnknown() {
        HostFacts vague = facts(new CpuInfo(null, null, 1, 1, 1, 1, null, List.of(), null), 4 * GB, List.of(),
            List.of(new NicInfo("eth0", null, null, null)));
        PreflightReport report = Preflight.check(XEN, vague);
        Map<String, RequirementCheck> checks = byName(report);
        for (String unknown : List.of("CPU architecture", "CPU clock", "hardware virtualization", "disk", "network interface")) {
            assertEquals(Verdict.UNKNOWN, checks.get(unknown).verdict(), unknown);
        }
        assertEquals("1 NIC(s), speed not reported", checks.get("network interface").measured());
        assertEquals(Verdict.PASS, checks.get("memory").verdict());
        assertEquals(Verdict.UNKNOWN, report.overall());
    }

    private static Map<String, RequirementCheck> byName(PreflightReport report) {
        return report.checks().stream().collect(Collectors.toMap(RequirementCheck::requirement, c -> c));
    }

    private static StorageInfo storage(String name, long bytes, boolean iso) {
        return new StorageInfo(name, name, iso ? "iso" : "lvm", "/" + name, bytes, bytes / 2, true, iso);
    }

    private static HostFacts facts(CpuInfo cpu, long memory, List<StorageInfo> storage, List<NicInfo> nics) {
        return new HostFacts("host", "Test", "1", cpu, memory, null, storage, nics, List.of(), List.of("host"));
    }
}
