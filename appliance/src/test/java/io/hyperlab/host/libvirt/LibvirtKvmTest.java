package io.hyperlab.host.libvirt;

import static io.hyperlab.host.libvirt.LibvirtTestDriverTest.MIB;
import static io.hyperlab.host.libvirt.LibvirtTestDriverTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hyperlab.ConflictException;
import io.hyperlab.host.BootMode;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostDrivers;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.HostUnreachableException;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.IsoRef;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NetworkKind;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.PowerState;
import io.hyperlab.host.StepFailedException;
import io.hyperlab.host.StorageInfo;
import io.hyperlab.host.VmInfo;
import io.hyperlab.host.VmSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The libvirt driver against the real libvirtd of this machine with real KVM (domain type kvm;
 * CPU model qemu64, which nested KVM accepts). virsh, ip and qemu-img look at the host
 * independently of the driver. One connection serves the class: the first costs about 8 s.
 * VMs boot with BIOS here: OVMF stops with an emulation failure under this machine's nested
 * KVM, so UEFI is proven on the test driver only.
 */
class LibvirtKvmTest {
    static final Path SOCKET = Path.of("/var/run/libvirt/libvirt-sock");
    static final String URI = "qemu:///system?cpu=qemu64";

    private static HostDriver driver;
    private static Path folder;
    private static String prefix;

    @BeforeAll
    static void connect() throws IOException {
        String missing = !Files.exists(Path.of("/dev/kvm")) ? "/dev/kvm"
            : !Files.exists(SOCKET) ? "a running libvirtd (" + SOCKET + ")"
            : !Files.isExecutable(Path.of("/usr/bin/genisoimage")) ? "genisoimage" : null;
        if (missing != null) {
            System.out.println("LibvirtKvmTest skipped: this machine has no " + missing + " (./hyperlab test installs and starts them)");
        }
        assumeTrue(missing == null, "needs " + missing);
        prefix = "hl-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        folder = Files.createTempDirectory("hyperlab-kvm-");
        // qemu runs as libvirt-qemu: it must reach the disk and ISO.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        driver = HostDrivers.open(HostConnection.of("kvm", URI, null, null, null));
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (driver != null) {
            driver.close();
            removeLeftovers();
        }
        if (folder != null) {
            try (var files = Files.walk(folder)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void factsShowKvmAndPassPreflightChecksItCanMeasure() {
        HostFacts facts = driver.facts();
        assertEquals("QEMU/KVM", facts.product());
        assertEquals("x86_64", facts.cpu().architecture());
        assertEquals(Boolean.TRUE, facts.cpu().hardwareVirtualization());
        assertEquals(Runtime.getRuntime().availableProcessors(), facts.cpu().logicalCpus());
        assertTrue(facts.memoryTotalBytes() > 512 * MIB);
        assertNotNull(facts.memoryFreeBytes());
    }

    @Test
    void createsPoolNetworkAndVmRunsItAndLeavesNothingBehind() throws Exception {
        List<String> before = hostState();
        Path iso = makeIso(folder, "boot.iso");
        String pool = prefix + "-pool";
        String network = prefix + "-net";
        String vm = prefix + "-vm";

        StorageInfo library = driver.createIsoLibrary(new IsoLibrarySpec(pool, IsoLibraryKind.LOCAL, folder.toString(), null, null));
        assertTrue(library.active());
        assertEquals(folder.toString(), library.location());
        assertEquals(List.of("boot.iso"), driver.rescanIsoLibrary(pool).stream().map(i -> i.name()).toList());

        NetworkInfo nat = driver.createNetwork(new NetworkSpec(network, NetworkKind.NAT, null, null, null));
        assertTrue(nat.active());
        assertEquals(0, run("ip", "link", "show", nat.bridge()).exit, "the NAT bridge exists on the host");

        VmInfo made = driver.createVm(new VmSpec(vm, "generic-linux", new IsoRef(pool, "boot.iso"), BootMode.BIOS, null,
            1, 128 * MIB, 64 * MIB, pool, network));
        assertEquals(PowerState.OFF, made.state());
        String image = run("qemu-img", "info", "-U", folder.resolve(vm + ".qcow2").toString()).out;
        assertTrue(image.contains("file format: qcow2") && image.contains("virtual size: 64 MiB"), image);
        String xml = run("virsh", "-c", "qemu:///system", "dumpxml", vm).out;
        for (String part : List.of("<domain type='kvm'", "machine='pc-q35", "<model fallback='allow'>qemu64</model>",
            "<disk type='volume' device='cdrom'>", "<target dev='sda' bus='sata'/>", "<readonly/>", "<target dev='vda' bus='virtio'/>",
            "<source network='" + network + "'", "<model type='virtio'/>", "<graphics type='vnc'", "<serial type='pty'>")) {
            assertTrue(xml.contains(part), part + " in\n" + xml);
        }

        driver.startVm(vm);
        assertEquals("running", run("virsh", "-c", "qemu:///system", "domstate", vm).out.strip());
        assertEquals(PowerState.RUNNING, state(vm));
        // Firmware with no OS does not act on ACPI: a clean shutdown times out and says to force it.
        ConflictException timeout = assertThrows(ConflictException.class, () -> driver.shutdownVm(vm, Duration.ofSeconds(2)));
        assertTrue(timeout.getMessage().contains("is still running 2 s after it was asked to shut down"), timeout.getMessage());
        driver.forceOffVm(vm);
        assertEquals(PowerState.OFF, state(vm));

        driver.deleteVm(vm, true);
        driver.deleteNetwork(network);
        driver.deleteIsoLibrary(pool);
        assertFalse(Files.exists(folder.resolve(vm + ".qcow2")), "the VM's disk is deleted");
        assertTrue(Files.exists(iso), "the ISO is the user's and stays");
        assertEquals(before, hostState(), "no domain, pool, network, bridge or UEFI variables left");
        Files.delete(iso);
    }

    @Test
    void unreachableHostIsReportedAtOnce() {
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
            () -> HostDrivers.open(HostConnection.of("far", "qemu+tcp://127.0.0.1:1/system", null, null, null)));
        assertTrue(e.getMessage().startsWith("cannot reach libvirt at qemu+tcp://127.0.0.1:1/system for host far:"), e.getMessage());
    }

    @Test
    void libvirtdLostWhileDefiningTheVmUndoesTheDiskAndTheDriverRecovers() throws Exception {
        List<String> before = hostState();
        String pool = prefix + "-cut";
        Path disks = Files.createDirectory(folder.resolve("cut"));
        driver.createIsoLibrary(new IsoLibrarySpec(pool, IsoLibraryKind.LOCAL, disks.toString(), null, null));
        try (LibvirtSocketProxy proxy = new LibvirtSocketProxy(folder.resolve("proxy.sock"), SOCKET);
             HostDriver cut = HostDrivers.open(HostConnection.of("flaky", "qemu+unix:///system?socket=" + proxy.socket()
                 + "&cpu=qemu64", null, null, null))) {
            proxy.cutOn(LibvirtSocketProxy.DOMAIN_DEFINE_XML);
            String vm = prefix + "-cut-vm";
            StepFailedException e = assertThrows(StepFailedException.class, () -> cut.createVm(
                new VmSpec(vm, "debian12", null, BootMode.BIOS, null, 1, 128 * MIB, 32 * MIB, pool, null)));
            assertTrue(proxy.cutHappened(), "procedures seen: " + proxy.procedures());
            assertEquals("define VM", e.step());
            assertInstanceOf(HostUnreachableException.class, e.getCause());
            assertTrue(e.getMessage().startsWith("create VM '" + vm + "' on host flaky failed at step 'define VM': lost the connection"
                + " to libvirt on host flaky"), e.getMessage());
            assertTrue(e.getMessage().endsWith("everything made before it was undone"), e.getMessage());
            assertEquals(List.of(), e.leftBehind());
            try (var files = Files.list(disks)) {
                assertEquals(List.of(), files.toList(), "the disk made before the cut was deleted");
            }
            assertTrue(cut.listVms().stream().noneMatch(v -> v.name().equals(vm)), "the driver reconnected");
        } finally {
            driver.deleteIsoLibrary(pool);
        }
        assertEquals(before, hostState());
    }

    @Test
    void vmBeyondTheHostIsRefusedBeforeAnythingIsMade() {
        int cpus = Runtime.getRuntime().availableProcessors();
        assertRefused(io.hyperlab.InvalidInputException.class, "asks for " + (cpus + 1) + " vCPUs but host kvm has " + cpus + " CPUs",
            () -> driver.createVm(new VmSpec(prefix + "-big", "debian12", null, BootMode.BIOS, null, cpus + 1, 128 * MIB, 32 * MIB,
                "default", null)));
        assertRefused(io.hyperlab.InvalidInputException.class, "of memory but host kvm has",
            () -> driver.createVm(new VmSpec(prefix + "-big", "debian12", null, BootMode.BIOS, null, 1, 16L << 40, 32 * MIB,
                "default", null)));
    }

    /** After a failed test: removes, with virsh, whatever this class made (names start with the prefix). */
    private static void removeLeftovers() throws Exception {
        String virsh = "virsh -c qemu:///system ";
        for (String vm : run("virsh", "-c", "qemu:///system", "list", "--all", "--name").out.lines().filter(n -> n.startsWith(prefix)).toList()) {
            run("sh", "-c", virsh + "destroy " + vm + "; " + virsh + "undefine --nvram " + vm);
        }
        for (String net : run("virsh", "-c", "qemu:///system", "net-list", "--all", "--name").out.lines().filter(n -> n.startsWith(prefix)).toList()) {
            run("sh", "-c", virsh + "net-destroy " + net + "; " + virsh + "net-undefine " + net);
        }
        for (String pool : run("virsh", "-c", "qemu:///system", "pool-list", "--all", "--name").out.lines().filter(n -> n.startsWith(prefix)).toList()) {
            run("sh", "-c", virsh + "pool-destroy " + pool + "; " + virsh + "pool-undefine " + pool);
        }
    }

    private static PowerState state(String vm) {
        return driver.listVms().stream().filter(v -> v.name().equals(vm)).findFirst().orElseThrow().state();
    }

    /** What this test could leave on the host: domains, pools, networks, network links and UEFI variable files. */
    private static List<String> hostState() throws Exception {
        List<String> state = new ArrayList<>();
        state.add("domains: " + run("virsh", "-c", "qemu:///system", "list", "--all", "--name").out.strip());
        state.add("pools: " + run("virsh", "-c", "qemu:///system", "pool-list", "--all", "--name").out.strip());
        state.add("networks: " + run("virsh", "-c", "qemu:///system", "net-list", "--all", "--name").out.strip());
        state.add("links: " + run("ip", "-o", "link", "show").out.lines().map(line -> line.split(":")[1].strip()).sorted().toList());
        Path nvram = Path.of("/var/lib/libvirt/qemu/nvram");
        if (Files.isDirectory(nvram)) {
            try (var files = Files.list(nvram)) {
                state.add("nvram: " + files.map(Path::getFileName).map(Path::toString).sorted().toList());
            }
        }
        return state;
    }

    private static Path makeIso(Path folder, String name) throws Exception {
        Path content = Files.createTempDirectory("hyperlab-iso-");
        Files.writeString(content.resolve("README.TXT"), "HyperLab test ISO\n");
        Path iso = folder.resolve(name);
        Result result = run("genisoimage", "-quiet", "-V", "HYPERLAB", "-o", iso.toString(), content.toString());
        Files.delete(content.resolve("README.TXT"));
        Files.delete(content);
        assertEquals(0, result.exit, result.out);
        Files.setPosixFilePermissions(iso, PosixFilePermissions.fromString("rw-r--r--"));
        return iso;
    }

    record Result(int exit, String out) {
    }

    static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " hung");
        return new Result(process.exitValue(), out);
    }
}
