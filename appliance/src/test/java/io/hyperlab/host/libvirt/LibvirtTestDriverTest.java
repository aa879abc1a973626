package io.hyperlab.host.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.ConflictException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.BootMode;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostDrivers;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.IsoImage;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.IsoRef;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NetworkKind;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.PowerState;
import io.hyperlab.host.ToolsState;
import io.hyperlab.host.VirtMode;
import io.hyperlab.host.VmInfo;
import io.hyperlab.host.VmSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The libvirt driver against libvirt's own test driver, loaded with a fixture host of ours
 * (lab-node.xml): each test gets a fresh in-memory host.
 */
class LibvirtTestDriverTest {
    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;

    private HostDriver driver;

    static String fixtureUri() {
        try {
            return "test://" + Path.of(LibvirtTestDriverTest.class.getResource("lab-node.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void open() {
        driver = HostDrivers.open(HostConnection.of("lab", fixtureUri(), null, null, null));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void factsDescribeTheFixtureHost() {
        HostFacts facts = driver.facts();
        assertEquals("TEST", facts.product().toUpperCase());
        assertEquals("x86_64", facts.cpu().architecture());
        assertEquals(1, facts.cpu().sockets());
        assertEquals(4, facts.cpu().coresPerSocket());
        assertEquals(2, facts.cpu().threadsPerCore());
        assertEquals(8, facts.cpu().logicalCpus());
        assertEquals(2200, facts.cpu().mhz());
        assertNull(facts.cpu().hardwareVirtualization(), "the test driver does not say");
        assertEquals(16 * GIB, facts.memoryTotalBytes());
        assertEquals(List.of("isos", "vms"), facts.storage().stream().map(s -> s.name()).toList());
        assertEquals(100 * GIB, facts.storage().get(1).capacityBytes());
        assertEquals("/vms", facts.storage().get(1).location());
        assertEquals(1000, facts.nics().stream().filter(n -> n.name().equals("eth0")).findFirst().orElseThrow().speedMbps());
        NetworkInfo lab = facts.networks().get(0);
        assertEquals("lab", lab.name());
        assertEquals(NetworkKind.ISOLATED, lab.kind());
        assertEquals("192.168.50.1/24", lab.ipv4());
        assertEquals(List.of(facts.hostname()), facts.poolHosts());
    }

    @Test
    void listsVmsWithStateSizeModeAndAgent() {
        List<VmInfo> vms = driver.listVms();
        assertEquals(List.of("db", "legacy-pv", "web"), vms.stream().map(VmInfo::name).toList());
        VmInfo db = vms.get(0);
        assertEquals(PowerState.OFF, db.state());
        assertEquals(4, db.vcpus());
        assertEquals(4 * GIB, db.memoryBytes());
        assertEquals(ToolsState.ABSENT, db.tools());
        assertEquals(VirtMode.PV, vms.get(1).mode());
        VmInfo web = vms.get(2);
        assertEquals("6c3b9a0e-5f1d-4f5e-9f0a-1d2c3b4a5e01", web.uuid());
        assertEquals(PowerState.RUNNING, web.state());
        assertEquals(VirtMode.HVM, web.mode());
        assertEquals(ToolsState.NOT_RUNNING, web.tools());
    }

    @Test
    void createsStartsStopsAndDeletesAVm() {
        VmSpec spec = new VmSpec("app", "debian12", new IsoRef("isos", "debian-12.4.0-amd64-netinst.iso"), BootMode.BIOS, null,
            2, 1 * GIB, 8 * GIB, "vms", "lab");
        VmInfo made = driver.createVm(spec);
        assertEquals("app", made.name());
        assertEquals(PowerState.OFF, made.state());
        assertEquals(2, made.vcpus());
        assertEquals(1 * GIB, made.memoryBytes());
        assertTrue(driver.listVms().stream().anyMatch(vm -> vm.uuid().equals(made.uuid())));
        assertTrue(volumes("vms").contains("app.qcow2"));

        driver.startVm("app");
        assertEquals(PowerState.RUNNING, state("app"));
        driver.startVm(made.uuid());
        assertEquals(PowerState.RUNNING, state("app"), "starting a running VM leaves it running");
        driver.shutdownVm("app", Duration.ofSeconds(10));
        assertEquals(PowerState.OFF, state("app"));
        driver.deleteVm("app", true);
        assertFalse(driver.listVms().stream().anyMatch(vm -> vm.name().equals("app")));
        assertFalse(volumes("vms").contains("app.qcow2"));
        assertTrue(volumes("isos").contains("debian-12.4.0-amd64-netinst.iso"), "the ISO is not the VM's disk");
    }

    @Test
    void deleteKeepsTheDisksUnlessAsked() {
        driver.createVm(new VmSpec("keep", "generic-linux", null, BootMode.UEFI, null, 1, 512 * MIB, 2 * GIB, "vms", null));
        driver.deleteVm("keep", false);
        assertTrue(volumes("vms").contains("keep.qcow2"));
    }

    @Test
    void runningVmIsNotDeleted() {
        ConflictException e = assertThrows(ConflictException.class, () -> driver.deleteVm("web", true));
        assertTrue(e.getMessage().contains("VM 'web' on host lab is running; stop it first"), e.getMessage());
        driver.forceOffVm("web");
        assertEquals(PowerState.OFF, state("web"));
    }

    @Test
    void badVmRequestsAreRefusedBeforeAnythingIsMade() {
        List<String> vmsBefore = names();
        List<String> disksBefore = volumes("vms");
        assertRefused(ConflictException.class, "a VM named 'web' already exists on host lab",
            () -> driver.createVm(spec("web", "debian12", 1, GIB, null, "vms", null)));
        assertRefused(InvalidInputException.class, "asks for 9 vCPUs but host lab has 8 CPUs",
            () -> driver.createVm(spec("big", "debian12", 9, GIB, null, "vms", null)));
        assertRefused(InvalidInputException.class, "asks for 32.0 GiB of memory but host lab has 16.0 GiB",
            () -> driver.createVm(spec("big", "debian12", 1, 32 * GIB, null, "vms", null)));
        assertRefused(NotFoundException.class, "no ISO 'nope.iso' in library 'isos' on host lab; it has: debian-12.4.0-amd64-netinst.iso",
            () -> driver.createVm(spec("x", "debian12", 1, GIB, new IsoRef("isos", "nope.iso"), "vms", null)));
        assertRefused(NotFoundException.class, "no ISO library 'gone' on host lab; it has: isos, vms",
            () -> driver.createVm(spec("x", "debian12", 1, GIB, new IsoRef("gone", "a.iso"), "vms", null)));
        assertRefused(NotFoundException.class, "no storage pool 'default' on host lab; it has: isos, vms",
            () -> driver.createVm(spec("x", "debian12", 1, GIB, null, null, null)));
        assertRefused(NotFoundException.class, "no network 'wan' on host lab; it has: lab",
            () -> driver.createVm(spec("x", "debian12", 1, GIB, null, "vms", "wan")));
        assertRefused(NotFoundException.class, "no OS profile 'Debian Bookworm 12' on libvirt hosts: use debian12, generic-linux, windows",
            () -> driver.createVm(spec("x", "Debian Bookworm 12", 1, GIB, null, "vms", null)));
        assertRefused(ConflictException.class, "storage pool 'vms' on host lab already holds a disk 'stray.qcow2'",
            () -> driver.createVm(spec("stray", "debian12", 1, GIB, null, "vms", null)));
        assertEquals(vmsBefore, names());
        assertEquals(disksBefore, volumes("vms"));
    }

    @Test
    void unknownVmIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> driver.startVm("ghost"));
        assertEquals("no VM 'ghost' on host lab (see: hyperlab vm list --host lab)", e.getMessage());
    }

    @Test
    void createsListsAndDeletesNetworks() {
        NetworkInfo nat = driver.createNetwork(new NetworkSpec("natted", NetworkKind.NAT, null, null, null));
        assertEquals(NetworkKind.NAT, nat.kind());
        assertEquals("192.168.100.1/24", nat.ipv4(), "the first free /24 from 192.168.100");
        assertTrue(nat.active());
        NetworkInfo closed = driver.createNetwork(new NetworkSpec("closed", NetworkKind.ISOLATED, null, "10.9.8.1/24", null));
        assertEquals(NetworkKind.ISOLATED, closed.kind());
        assertEquals("10.9.8.1/24", closed.ipv4());
        NetworkInfo bridged = driver.createNetwork(new NetworkSpec("lan", NetworkKind.BRIDGE, "br0", null, null));
        assertEquals("br0", bridged.hostInterface());
        assertEquals(List.of("closed", "lab", "lan", "natted"), driver.listNetworks().stream().map(NetworkInfo::name).toList());

        assertRefused(ConflictException.class, "network 'lan' already exists on host lab",
            () -> driver.createNetwork(new NetworkSpec("lan", NetworkKind.ISOLATED, null, null, null)));
        assertRefused(InvalidInputException.class, "VLAN tags are not supported on libvirt hosts",
            () -> driver.createNetwork(new NetworkSpec("vlan10", NetworkKind.BRIDGE, "br0", null, 10)));
        assertRefused(ConflictException.class, "network 'lab' on host lab is used by VMs web",
            () -> driver.deleteNetwork("lab"));
        driver.deleteNetwork("natted");
        driver.deleteNetwork("closed");
        driver.deleteNetwork("lan");
        assertEquals(List.of("lab"), driver.listNetworks().stream().map(NetworkInfo::name).toList());
        assertRefused(NotFoundException.class, "no network 'natted' on host lab", () -> driver.deleteNetwork("natted"));
    }

    @Test
    void isoLibrariesListOnlyIsoImages() {
        List<IsoImage> isos = driver.listIsos("isos");
        assertEquals(1, isos.size());
        assertEquals("debian-12.4.0-amd64-netinst.iso", isos.get(0).name());
        assertEquals(628 * MIB, isos.get(0).sizeBytes());
        assertEquals(isos, driver.rescanIsoLibrary("isos"));
        driver.createIsoLibrary(new IsoLibrarySpec("local-isos", IsoLibraryKind.LOCAL, "/srv/isos", null, null));
        assertTrue(driver.listIsoLibraries().stream().anyMatch(pool -> pool.name().equals("local-isos") && pool.active()));
        assertRefused(ConflictException.class, "storage pool 'local-isos' already exists on host lab",
            () -> driver.createIsoLibrary(new IsoLibrarySpec("local-isos", IsoLibraryKind.LOCAL, "/srv/other", null, null)));
        driver.deleteIsoLibrary("local-isos");
        assertFalse(driver.listIsoLibraries().stream().anyMatch(pool -> pool.name().equals("local-isos")));
        assertRefused(NotFoundException.class, "no ISO library 'local-isos' on host lab", () -> driver.listIsos("local-isos"));
    }

    private static VmSpec spec(String name, String template, int vcpus, long memory, IsoRef iso, String storage, String network) {
        return new VmSpec(name, template, iso, BootMode.BIOS, null, vcpus, memory, 4 * GIB, storage, network);
    }

    private PowerState state(String vm) {
        return driver.listVms().stream().filter(v -> v.name().equals(vm)).findFirst().orElseThrow().state();
    }

    private List<String> names() {
        return driver.listVms().stream().map(VmInfo::name).toList();
    }

    private List<String> volumes(String pool) {
        return ((LibvirtDriver) driver).session().call("listing volumes",
            connect -> List.of(connect.storagePoolLookupByName(pool).listVolumes()).stream().sorted().toList());
    }

    static void assertRefused(Class<? extends Exception> type, String message, org.junit.jupiter.api.function.Executable call) {
        Exception e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }
}
