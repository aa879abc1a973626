package io.hyperlab.host.libvirt;

import io.hyperlab.host.CpuInfo;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.NicInfo;
import java.util.ArrayList;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.Interface;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;

/** A libvirt host's facts from its node info, capabilities, interfaces, pools and networks. */
final class LibvirtFacts {
    /** libvirt reports "unknown" link speed as -1 or as this (2^32 - 1). */
    private static final long UNKNOWN_SPEED = 4294967295L;

    private LibvirtFacts() {
    }

    static HostFacts read(Connect connect, LibvirtStorage storage, LibvirtNetworks networks) throws LibvirtException {
        NodeInfo node = connect.nodeInfo();
        XmlDoc capabilities = XmlDoc.parse(connect.getCapabilities());
        String hostname = connect.getHostName();
        String type = connect.getType();
        return new HostFacts(
            hostname,
            product(type, capabilities),
            version(connect.getVersion()),
            cpu(node, capabilities, type),
            node.memory * 1024,
            freeMemory(connect),
            storage.list(connect),
            nics(connect),
            networks.list(connect),
            List.of(hostname));
    }

    /** The guest the host runs best: x86_64 hvm if offered, KVM over plain QEMU emulation, q35 if known. */
    static DomainXml.Target target(XmlDoc capabilities) {
        List<XmlDoc> guests = capabilities.all("/capabilities/guest[os_type='hvm']");
        XmlDoc chosen = guests.stream().filter(g -> "x86_64".equals(g.text("arch/@name"))).findFirst()
            .orElse(guests.isEmpty() ? null : guests.get(0));
        if (chosen == null) {
            throw new io.hyperlab.HyperLabException("this libvirt host offers no hardware-virtualized (hvm) guests");
        }
        String domainType = chosen.has("arch/domain[@type='kvm']") ? "kvm"
            : chosen.has("arch/domain[@type='qemu']") ? "qemu" : chosen.text("arch/domain/@type");
        boolean q35 = chosen.has("arch/machine[text()='q35']") || chosen.has("arch/machine[starts-with(@canonical,'pc-q35')]");
        return new DomainXml.Target(domainType, chosen.text("arch/@name"), q35 ? "q35" : null);
    }

    private static String product(String type, XmlDoc capabilities) {
        if ("QEMU".equalsIgnoreCase(type)) {
            return capabilities.has("/capabilities/guest/arch/domain[@type='kvm']") ? "QEMU/KVM" : "QEMU (emulation, no KVM)";
        }
        return type;
    }

    private static String version(long encoded) {
        return encoded / 1_000_000 + "." + encoded / 1000 % 1000 + "." + encoded % 1000;
    }

    private static CpuInfo cpu(NodeInfo node, XmlDoc capabilities, String type) {
        List<String> extensions = new ArrayList<>();
        if (capabilities.has("/capabilities/host/cpu/feature[@name='vmx']")) {
            extensions.add("vmx");
        }
        if (capabilities.has("/capabilities/host/cpu/feature[@name='svm']")) {
            extensions.add("svm");
        }
        boolean kvm = capabilities.has("/capabilities/guest/arch/domain[@type='kvm']");
        if (kvm && extensions.isEmpty()) {
            // KVM runs without the flag showing (e.g. a paravirtual nested KVM): KVM is the proof.
            extensions.add("kvm");
        }
        Boolean hardware = !extensions.isEmpty() ? Boolean.TRUE : "QEMU".equalsIgnoreCase(type) ? Boolean.FALSE : null;
        String vendor = capabilities.text("/capabilities/host/cpu/vendor");
        String model = capabilities.text("/capabilities/host/cpu/model");
        String name = vendor == null ? model : model == null ? vendor : vendor + " " + model;
        return new CpuInfo(name, node.model, Math.max(1, node.sockets * Math.max(1, node.nodes)), Math.max(1, node.cores),
            Math.max(1, node.threads), Math.max(1, node.cpus), node.mhz > 0 ? node.mhz : null, extensions, hardware);
    }

    private static Long freeMemory(Connect connect) {
        try {
            return connect.getFreeMemory();
        } catch (LibvirtException e) {
            return null;
        }
    }

    /** Physical NICs, when the host's libvirt has an interface backend (else none are listed). */
    private static List<NicInfo> nics(Connect connect) {
        List<NicInfo> nics = new ArrayList<>();
        try {
            List<String> names = new ArrayList<>(List.of(connect.listInterfaces()));
            names.addAll(List.of(connect.listDefinedInterfaces()));
            for (String name : names) {
                if (name.equals("lo")) {
                    continue;
                }
                Interface nic = connect.interfaceLookupByName(name);
                XmlDoc xml = XmlDoc.parse(nic.getXMLDescription(0));
                Long speed = xml.number("link/@speed");
                String state = xml.text("link/@state");
                nics.add(new NicInfo(name, xml.text("mac/@address"),
                    speed == null || speed <= 0 || speed >= UNKNOWN_SPEED ? null : speed.intValue(),
                    state == null ? null : state.equals("up")));
            }
        } catch (LibvirtException e) {
            return List.of();
        }
        return nics;
    }
}
