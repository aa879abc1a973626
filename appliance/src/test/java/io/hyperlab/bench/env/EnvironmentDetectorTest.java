package io.hyperlab.bench.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each detector against sample files of the machines a user runs HyperLab on. */
class EnvironmentDetectorTest {
    @TempDir
    Path root;

    @Test
    void xenPvGuestPublishesItsType() throws IOException {
        write("sys/hypervisor/type", "xen\n");
        write("sys/hypervisor/guest_type", "PV\n");
        assertDetected("Xen", "PV");
    }

    @Test
    void xenHvmGuestPublishesItsType() throws IOException {
        write("sys/hypervisor/type", "xen\n");
        write("sys/hypervisor/guest_type", "HVM\n");
        write("sys/class/dmi/id/sys_vendor", "Xen\n");
        write("sys/class/dmi/id/product_name", "HVM domU\n");
        assertDetected("Xen", "HVM");
    }

    @Test
    void xenPvhGuestPublishesItsType() throws IOException {
        write("sys/hypervisor/type", "xen\n");
        write("sys/hypervisor/guest_type", "PVH\n");
        assertDetected("Xen", "PVH");
    }

    @Test
    void xenGuestOnAnOldKernelWithoutFirmwareIsPv() throws IOException {
        write("sys/hypervisor/type", "xen\n");
        write("proc/xen/capabilities", "");
        assertDetected("Xen", "PV");
    }

    @Test
    void xenGuestOnAnOldKernelWithFirmwareIsHvm() throws IOException {
        write("sys/hypervisor/type", "xen\n");
        write("sys/class/dmi/id/sys_vendor", "Xen\n");
        write("sys/class/dmi/id/product_name", "HVM domU\n");
        assertDetected("Xen", "HVM");
    }

    @Test
    void xenServerControlDomainIsDom0() throws IOException {
        write("sys/hypervisor/type", "xen\n");
        write("proc/xen/capabilities", "control_d\n");
        assertDetected("Xen", "dom0");
    }

    @Test
    void xenHvmGuestWithoutXenDriversIsKnownByItsFirmware() throws IOException {
        write("sys/class/dmi/id/sys_vendor", "Xen\n");
        write("sys/class/dmi/id/product_name", "HVM domU\n");
        write("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu hypervisor\n");
        assertDetected("Xen", "HVM");
    }

    @Test
    void kvmGuestIsKnownByItsParavirtualClock() throws IOException {
        write("sys/devices/system/clocksource/clocksource0/available_clocksource", "kvm-clock tsc acpi_pm \n");
        assertDetected("KVM", "HVM");
    }

    @Test
    void kvmGuestWithoutItsClockIsKnownByQemuFirmware() throws IOException {
        write("sys/class/dmi/id/sys_vendor", "QEMU\n");
        write("sys/class/dmi/id/product_name", "Standard PC (Q35 + ICH9, 2009)\n");
        assertDetected("KVM", "HVM");
    }

    @Test
    void vmwareGuest() throws IOException {
        write("sys/class/dmi/id/sys_vendor", "VMware, Inc.\n");
        write("sys/class/dmi/id/product_name", "VMware Virtual Platform\n");
        assertDetected("VMware", null);
    }

    @Test
    void hyperVGuest() throws IOException {
        write("sys/class/dmi/id/sys_vendor", "Microsoft Corporation\n");
        write("sys/class/dmi/id/product_name", "Virtual Machine\n");
        assertDetected("Hyper-V", null);
    }

    @Test
    void virtualBoxGuest() throws IOException {
        write("sys/class/dmi/id/sys_vendor", "innotek GmbH\n");
        write("sys/class/dmi/id/product_name", "VirtualBox\n");
        assertDetected("VirtualBox", null);
    }

    @Test
    void unknownHypervisorIsKnownOnlyByTheCpuFlag() throws IOException {
        write("sys/class/dmi/id/sys_vendor", "Some Cloud\n");
        write("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme hypervisor sse2\n");
        assertDetected("other", null);
    }

    @Test
    void bareMetalHasNoHypervisor() throws IOException {
        write("sys/class/dmi/id/sys_vendor", "FUJITSU\n");
        write("sys/class/dmi/id/product_name", "PRIMERGY TX150 S8\n");
        write("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme vmx sse2\n");
        assertDetected(Environment.NONE, null);
    }

    @Test
    void machineFactsComeFromProcAndEtc() throws IOException {
        write("proc/cpuinfo", """
            processor\t: 0
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) CPU E5-2407 0 @ 2.20GHz
            flags\t\t: fpu vmx

            processor\t: 1
            model name\t: Intel(R) Xeon(R) CPU E5-2407 0 @ 2.20GHz
            """);
        write("proc/meminfo", "MemTotal:       16314532 kB\nMemFree:         1000 kB\nMemAvailable:   12000000 kB\n");
        write("proc/sys/kernel/osrelease", "3.2.0-4-amd64\n");
        write("proc/sys/kernel/hostname", "wheezy-vm\n");
        write("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 7 (wheezy)\"\nNAME=\"Debian GNU/Linux\"\n");

        Environment env = new EnvironmentDetector(root).detect();

        assertEquals("Intel(R) Xeon(R) CPU E5-2407 0 @ 2.20GHz", env.cpuModel());
        assertEquals(2, env.cpuCount());
        assertEquals(16314532L * 1024, env.memoryBytes());
        assertEquals("3.2.0-4-amd64", env.kernel());
        assertEquals("wheezy-vm", env.hostname());
        assertEquals("Debian GNU/Linux 7 (wheezy)", env.os());
        assertEquals(new MemInfo(16314532L * 1024, 12000000L * 1024), MemInfo.read(root));
    }

    @Test
    void missingFilesLeaveFactsUnknownInsteadOfFailing() {
        Environment env = new EnvironmentDetector(root).detect();
        assertEquals(Environment.NONE, env.hypervisor());
        assertNull(env.guestType());
        assertNull(env.cpuModel());
        assertNull(env.kernel());
        assertNull(env.os());
        assertEquals(0, env.memoryBytes());
        assertEquals(new MemInfo(0, 0), MemInfo.read(root));
    }

    @Test
    void hostnameFallsBackToEtcHostname() throws IOException {
        write("etc/hostname", "appliance\n");
        assertEquals("appliance", new EnvironmentDetector(root).detect().hostname());
    }

    private void assertDetected(String hypervisor, String guestType) {
        Environment env = new EnvironmentDetector(root).detect();
        assertEquals(hypervisor, env.hypervisor());
        assertEquals(guestType, env.guestType());
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
