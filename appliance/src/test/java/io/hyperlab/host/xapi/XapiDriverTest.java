package io.hyperlab.host.xapi;

import static io.hyperlab.host.xapi.server.LabHost.GIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.host.BootMode;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostDrivers;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.HostKind;
import io.hyperlab.host.IsoRef;
import io.hyperlab.host.NicInfo;
import io.hyperlab.host.PowerState;
import io.hyperlab.host.Preflight;
import io.hyperlab.host.PreflightReport;
import io.hyperlab.host.StorageInfo;
import io.hyperlab.host.ToolsState;
import io.hyperlab.host.Verdict;
import io.hyperlab.host.VirtMode;
import io.hyperlab.host.VmInfo;
import io.hyperlab.host.VmSpec;
import io.hyperlab.host.xapi.server.LabHost;
import io.hyperlab.host.xapi.server.XapiTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XAPI driver against the strict test server: facts, preflight, VM listing, creation, power, deletion. */
class XapiDriverTest {
    static final String ETH0 = "Pool-wide network associated with eth0";

    @RegisterExtension
    static final XapiLab LAB = XapiLab.withNfsLibrary("isos", "debian-12.iso", "alpine-3.20.iso");

    static VmSpec spec(String name, int vcpus, long memory) {
        return new VmSpec(name, "Debian Bookworm 12", new IsoRef("isos", "debian-12.iso"), BootMode.UEFI, "xcp-lab", vcpus, memory,
            20 * GIB, "Local storage", ETH0);
    }

    @Test
    void factsDescribeTheHostFromItsRecords() {
        HostFacts facts = LAB.driver().facts();
        assertEquals("xcp-lab", facts.hostname());
        assertEquals("XCP-ng", facts.product());
        assertEquals("8.3.0", facts.version());
        assertEquals("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", facts.cpu().model());
        assertEquals(List.of(2, 4, 2, 16), List.of(facts.cpu().sockets(), facts.cpu().coresPerSocket(), facts.cpu().threadsPerCore(),
            facts.cpu().logicalCpus()));
        assertEquals("x86_64", facts.cpu().architecture());
        assertEquals(2394, facts.cpu().mhz());
        assertEquals(List.of("vmx"), facts.cpu().virtualizationExtensions());
        assertTrue(facts.cpu().hardwareVirtualization());
        assertEquals(64 * GIB, facts.memoryTotalBytes());
        long running = 4 * GIB + 2 * GIB + (256L << 20);
        assertTrue(facts.memoryFreeBytes() <= 64 * GIB - running, "free memory counts dom0 and the running VM: " + facts.memoryFreeBytes());
        StorageInfo local = facts.storage().stream().filter(s -> s.name().equals("Local storage")).findFirst().orElseThrow();
        assertEquals(500 * GIB, local.capacityBytes());
        assertTrue(local.active());
        assertFalse(local.isoLibrary());
        assertEquals("/dev/sda3", local.location());
        assertEquals(List.of(new NicInfo("eth0", "0c:c4:7a:00:00:00", 1000, true), new NicInfo("eth1", "0c:c4:7a:00:00:01", 1000, true)),
            facts.nics());
        assertTrue(facts.networks().stream().noneMatch(n -> n.name().equals("Host internal management network")));
        assertEquals(List.of("xcp-lab"), facts.poolHosts());
    }

    @Test
    void preflightPassesOnAHostThatMeetsTheStudy() {
        PreflightReport report = Preflight.check(LAB.driver().connection(), LAB.driver().facts());
        assertEquals("xenserver", report.hypervisor());
        assertEquals(Verdict.PASS, report.overall(), report.toString());
    }

    @Test
    void preflightFailsHardwareVirtualizationWhenXenOffersNoHvm() {
        try (XapiTestServer plain = XapiTestServer.start(LAB.vertx(), LabHost.standard("127.0.0.1").withoutHvm(), 0, "root", "secret");
             XapiDriver old = XapiLab.open(plain)) {
            PreflightReport report = Preflight.check(old.connection(), old.facts());
            assertEquals(Verdict.FAIL, report.overall());
            assertEquals(Verdict.FAIL, report.checks().stream().filter(c -> c.requirement().equals("hardware virtualization"))
                .findFirst().orElseThrow().verdict());
        }
    }

    @Test
    void listsGuestsWithTheirModeToolsAndAddressesButNoTemplatesSnapshotsOrDom0() {
        List<VmInfo> vms = LAB.driver().listVms().stream().filter(vm -> !vm.name().startsWith("lab-")).toList();
        assertEquals(List.of("legacy-pv", "old-hvm", "web01"), vms.stream().map(VmInfo::name).toList());
        VmInfo web = vms.get(2);
        assertEquals(PowerState.RUNNING, web.state());
        assertEquals(VirtMode.HVM, web.mode());
        assertEquals(ToolsState.RUNNING, web.tools());
        assertEquals("8.3.0-1", web.toolsVersion());
        assertEquals(List.of("192.0.2.50", "fe80::216:3eff:fe4c:1"), web.addresses());
        assertEquals(2, web.vcpus());
        assertEquals(2 * GIB, web.memoryBytes());
        assertEquals(VirtMode.PV, vms.get(0).mode());
        assertEquals(PowerState.OFF, vms.get(0).state());
        assertEquals(ToolsState.UNKNOWN, vms.get(0).tools());
        assertEquals(VirtMode.HVM, vms.get(1).mode(), "no domain_type: the HVM boot policy says HVM");
    }

    @Test
    void createsAVmAsXenCenterDoesAndListsIt() {
        int mark = LAB.server().calls().size();
        VmInfo vm = LAB.driver().createVm(spec("lab-debian", 4, 2 * GIB));
        assertEquals(new VmInfo("lab-debian", vm.uuid(), PowerState.OFF, 4, 2 * GIB, VirtMode.HVM, ToolsState.UNKNOWN, null, List.of()), vm);
        assertTrue(LAB.driver().listVms().contains(vm));
        assertEquals(List.of("Async.VM.clone", "VM.remove_from_other_config", "VM.add_to_other_config", "Async.VM.provision",
            "VM.set_VCPUs_max", "VM.set_VCPUs_at_startup", "VM.set_memory_limits", "VBD.create", "VBD.insert", "VIF.create",
            "VM.set_HVM_boot_params", "VM.set_affinity"), XapiLab.changesSince(LAB.server(), mark));

        String ref = LAB.server().ref("VM", "uuid", vm.uuid());
        JsonNode record = LAB.server().records("VM").get(ref);
        assertFalse(record.path("is_a_template").asBoolean());
        assertFalse(record.path("other_config").has("disks"), "provisioning consumed the provision spec");
        assertEquals(4, record.path("VCPUs_max").asLong());
        assertEquals(512L << 20, record.path("memory_static_min").asLong(), "the template's minimum stays");
        assertEquals(2 * GIB, record.path("memory_dynamic_min").asLong());
        assertEquals("dc", record.path("HVM_boot_params").path("order").asText());
        assertEquals("uefi", record.path("HVM_boot_params").path("firmware").asText());
        assertEquals(LAB.server().ref("host", "name_label", "xcp-lab"), record.path("affinity").asText());

        Map<String, JsonNode> vbds = LAB.server().records("VBD");
        JsonNode disk = vbds.values().stream().filter(v -> v.path("VM").asText().equals(ref) && v.path("type").asText().equals("Disk"))
            .findFirst().orElseThrow();
        JsonNode vdi = LAB.server().records("VDI").get(disk.path("VDI").asText());
        assertEquals(20 * GIB, vdi.path("virtual_size").asLong());
        assertEquals(LAB.server().ref("SR", "name_label", "Local storage"), vdi.path("SR").asText());
        JsonNode cd = vbds.values().stream().filter(v -> v.path("VM").asText().equals(ref) && v.path("type").asText().equals("CD"))
            .findFirst().orElseThrow();
        assertEquals("3", cd.path("userdevice").asText());
        assertEquals("RO", cd.path("mode").asText());
        assertEquals("debian-12.iso", LAB.server().records("VDI").get(cd.path("VDI").asText()).path("name_label").asText());
        JsonNode vif = LAB.server().records("VIF").values().stream().filter(v -> v.path("VM").asText().equals(ref)).findFirst().orElseThrow();
        assertEquals(LAB.server().ref("network", "name_label", ETH0), vif.path("network").asText());
        assertTrue(vif.path("MAC").asText().matches("([0-9a-f]{2}:){5}[0-9a-f]{2}"));
    }

    @Test
    void lowersVcpusBelowTheTemplatesWithoutBreakingTheirOrder() {
        VmInfo vm = LAB.driver().createVm(new VmSpec("lab-win", "Windows 10 (64-bit)", null, BootMode.BIOS, null, 1, 4 * GIB, 40 * GIB, null, null));
        assertEquals(1, vm.vcpus());
        JsonNode record = LAB.server().records("VM").get(LAB.server().ref("VM", "uuid", vm.uuid()));
        assertEquals(1, record.path("VCPUs_max").asLong());
        assertEquals("bios", record.path("HVM_boot_params").path("firmware").asText());
        assertEquals(LAB.server().ref("SR", "name_label", "Local storage"), LAB.server().records("VDI").values().stream()
            .filter(v -> v.path("virtual_size").asLong() == 40 * GIB).findFirst().orElseThrow().path("SR").asText(), "the pool's default SR");
        LAB.driver().deleteVm("lab-win", true);
    }

    @Test
    void powerActionsChangeTheStateAndRepeatingThemIsHarmless() {
        LAB.driver().createVm(spec("lab-power", 2, GIB));
        LAB.driver().startVm("lab-power");
        LAB.driver().startVm("lab-power");
        assertEquals(PowerState.RUNNING, state("lab-power"));
        assertThrows(ConflictException.class, () -> LAB.driver().deleteVm("lab-power", true));
        LAB.driver().shutdownVm("lab-power", Duration.ofSeconds(10));
        assertEquals(PowerState.OFF, state("lab-power"));
        LAB.driver().shutdownVm("lab-power", Duration.ofSeconds(10));
        LAB.driver().startVm("lab-power");
        LAB.driver().forceOffVm("lab-power");
        LAB.driver().forceOffVm("lab-power");
        assertEquals(PowerState.OFF, state("lab-power"));
        LAB.driver().deleteVm("lab-power", true);
    }

    @Test
    void deletingWithDisksLeavesNothingBehind() {
        Map<String, Integer> before = LAB.server().census();
        VmInfo vm = LAB.driver().createVm(spec("lab-gone", 2, GIB));
        LAB.driver().deleteVm(vm.uuid(), true);
        assertEquals(before, LAB.server().census());
        assertTrue(LAB.driver().listVms().stream().noneMatch(v -> v.name().equals("lab-gone")));
    }

    @Test
    void deletingWithoutDisksKeepsTheDiskAndTheIso() {
        VmInfo vm = LAB.driver().createVm(spec("lab-keep", 2, GIB));
        int disks = LAB.server().records("VDI").size();
        LAB.driver().deleteVm("lab-keep", false);
        assertEquals(disks, LAB.server().records("VDI").size());
        assertTrue(LAB.server().find("VM", "uuid", vm.uuid()).isEmpty());
        assertEquals(1, LAB.server().find("VDI", "name_label", "debian-12.iso").size());
    }

    @Test
    void startWithoutEnoughFreeMemoryNamesBothAmounts() {
        LAB.driver().createVm(spec("lab-big", 2, 60 * GIB));
        ConflictException e = assertThrows(ConflictException.class, () -> LAB.driver().startVm("lab-big"));
        assertTrue(e.getMessage().contains("needs 61440 MiB") && e.getMessage().contains("MiB free"), e.getMessage());
        assertEquals(PowerState.OFF, state("lab-big"));
        LAB.driver().deleteVm("lab-big", true);
    }

    @Test
    void shutdownThatTheGuestIgnoresIsCancelledAndSaysToForceOff() {
        LAB.driver().createVm(spec("lab-stubborn", 1, GIB));
        LAB.driver().startVm("lab-stubborn");
        LAB.server().hangNext("VM.clean_shutdown");
        HyperLabException e = assertThrows(HyperLabException.class, () -> LAB.driver().shutdownVm("lab-stubborn", Duration.ofMillis(600)));
        assertTrue(e.getMessage().contains("force it off"), e.getMessage());
        assertTrue(LAB.server().calls().contains("task.cancel"));
        assertTrue(LAB.server().find("task", "status", "pending").isEmpty(), "the hung task was cancelled");
        LAB.driver().forceOffVm("lab-stubborn");
        LAB.driver().deleteVm("lab-stubborn", true);
    }

    @Test
    void aNameTwoVmsShareNeedsTheUuid() {
        String legacy = LAB.driver().find("legacy-pv").ref();
        String copy = XapiCalls.await(LAB.driver().session().call(String.class, "VM.clone", legacy, "legacy-pv"));
        try {
            ConflictException e = assertThrows(ConflictException.class, () -> LAB.driver().startVm("legacy-pv"));
            assertTrue(e.getMessage().contains("give the UUID"), e.getMessage());
        } finally {
            XapiCalls.await(LAB.driver().session().call("VM.destroy", copy));
        }
    }

    @Test
    void theDriverIsRegisteredForXapiUris() {
        assertTrue(HostDrivers.available().contains(HostKind.XAPI));
        try (HostDriver opened = HostDrivers.open(XapiLab.connection(LAB.server()))) {
            assertInstanceOf(XapiDriver.class, opened);
            assertEquals("xcp-lab", opened.facts().hostname());
        }
        assertNull(LAB.server().find("VM", "name_label", "no such VM").stream().findFirst().orElse(null));
    }

    private static PowerState state(String name) {
        return LAB.driver().listVms().stream().filter(vm -> vm.name().equals(name)).findFirst().orElseThrow().state();
    }
}
