package io.hyperlab.host.libvirt;

import io.hyperlab.host.BootMode;
import io.hyperlab.host.VmSpec;

/**
 * The domain XML for a new VM: q35 where the host has it, BIOS or UEFI (OVMF through
 * {@code <os firmware='efi'>}), boot from CD then disk, the disk (qcow2) and CD-ROM (raw, SATA,
 * read-only) as pool volumes, a NIC on a libvirt network, serial console, VNC on the host's
 * loopback, a guest-agent channel, balloon and RNG. UEFI is OVMF without Secure Boot.
 */
final class DomainXml {
    private DomainXml() {
    }

    /** Where and how the host runs guests, read from its capabilities. */
    record Target(String domainType, String arch, String machine) {
    }

    /** A pool volume: the disk or the ISO. */
    record Volume(String pool, String name) {
    }

    static String build(VmSpec spec, OsProfile profile, Target target, CpuChoice cpu, Volume disk, Volume iso) {
        long memoryKib = spec.memoryBytes() / 1024;
        boolean uefi = spec.bootMode() == BootMode.UEFI;
        Xml os = Xml.element("os").attr("firmware", uefi ? "efi" : null);
        if (uefi) {
            // Plain OVMF: the Secure Boot builds need SMM, which some hosts (nested KVM) lack.
            os.add(Xml.element("firmware").add(
                Xml.element("feature").attr("enabled", "no").attr("name", "secure-boot"),
                Xml.element("feature").attr("enabled", "no").attr("name", "enrolled-keys")));
        }
        os.add(Xml.element("type", "hvm").attr("arch", target.arch()).attr("machine", target.machine()));
        if (iso != null) {
            os.add(Xml.element("boot").attr("dev", "cdrom"));
        }
        os.add(Xml.element("boot").attr("dev", "hd"));
        Xml features = Xml.element("features").add(Xml.element("acpi"), Xml.element("apic"));
        if (profile.windows()) {
            features.add(Xml.element("hyperv").attr("mode", "custom").add(
                Xml.element("relaxed").attr("state", "on"),
                Xml.element("vapic").attr("state", "on"),
                Xml.element("spinlocks").attr("state", "on").attr("retries", 8191)));
        }
        Xml devices = Xml.element("devices").add(
            Xml.element("disk").attr("type", "volume").attr("device", "disk").add(
                Xml.element("driver").attr("name", "qemu").attr("type", "qcow2"),
                Xml.element("source").attr("pool", disk.pool()).attr("volume", disk.name()),
                Xml.element("target").attr("dev", profile.diskTarget()).attr("bus", profile.diskBus())));
        if (iso != null) {
            devices.add(Xml.element("disk").attr("type", "volume").attr("device", "cdrom").add(
                Xml.element("driver").attr("name", "qemu").attr("type", "raw"),
                Xml.element("source").attr("pool", iso.pool()).attr("volume", iso.name()),
                Xml.element("target").attr("dev", profile.cdromTarget()).attr("bus", "sata"),
                Xml.element("readonly")));
        }
        if (spec.network() != null) {
            devices.add(Xml.element("interface").attr("type", "network").add(
                Xml.element("source").attr("network", spec.network()),
                Xml.element("model").attr("type", profile.nicModel())));
        }
        devices.add(
            Xml.element("serial").attr("type", "pty").add(Xml.element("target").attr("port", 0)),
            Xml.element("console").attr("type", "pty").add(Xml.element("target").attr("type", "serial").attr("port", 0)),
            Xml.element("channel").attr("type", "unix").add(
                Xml.element("target").attr("type", "virtio").attr("name", "org.qemu.guest_agent.0")),
            Xml.element("graphics").attr("type", "vnc").attr("port", -1).attr("autoport", "yes").attr("listen", "127.0.0.1"),
            Xml.element("video").add(Xml.element("model").attr("type", profile.windows() ? "qxl" : "virtio")),
            Xml.element("memballoon").attr("model", "virtio"),
            Xml.element("rng").attr("model", "virtio").add(Xml.element("backend", "/dev/urandom").attr("model", "random")));
        return Xml.element("domain").attr("type", target.domainType()).add(
            Xml.element("name", spec.name()),
            Xml.element("metadata").add(Xml.element("libosinfo:libosinfo")
                .attr("xmlns:libosinfo", "http://libosinfo.org/xmlns/libvirt/domain/1.0")
                .add(Xml.element("libosinfo:os").attr("id", profile.libosinfoId()))),
            Xml.element("memory", memoryKib).attr("unit", "KiB"),
            Xml.element("currentMemory", memoryKib).attr("unit", "KiB"),
            Xml.element("vcpu", spec.vcpus()).attr("placement", "static"),
            os,
            features,
            cpu.xml(),
            Xml.element("clock").attr("offset", profile.windows() ? "localtime" : "utc"),
            Xml.element("on_poweroff", "destroy"),
            Xml.element("on_reboot", "restart"),
            Xml.element("on_crash", "destroy"),
            devices).toString();
    }
}
