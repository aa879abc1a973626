package io.hyperlab.host.libvirt;

import io.hyperlab.NotFoundException;
import io.hyperlab.host.PowerState;
import io.hyperlab.host.ToolsState;
import io.hyperlab.host.VirtMode;
import io.hyperlab.host.VmInfo;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Domain.InterfaceAddressesSource;
import org.libvirt.DomainInfo;
import org.libvirt.DomainInterface;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;

/** Finding libvirt domains by name or UUID and describing them as {@link VmInfo}. */
final class LibvirtVms {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String AGENT = "org.qemu.guest_agent.0";
    /** VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | SNAPSHOTS_METADATA: a deleted VM leaves no saved state behind. */
    private static final int UNDEFINE_STATE = 1 | 2;
    /** VIR_DOMAIN_UNDEFINE_NVRAM: nor UEFI variables. */
    private static final int UNDEFINE_NVRAM = 4;

    private final String host;

    LibvirtVms(String host) {
        this.host = host;
    }

    Domain domain(Connect connect, String vm) throws LibvirtException {
        try {
            return UUID.matcher(vm).matches() ? connect.domainLookupByUUIDString(vm) : connect.domainLookupByName(vm);
        } catch (LibvirtException e) {
            if (LibvirtErrors.code(e) == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                throw new NotFoundException("no VM '" + vm + "' on host " + host + " (see: hyperlab vm list --host " + host + ")");
            }
            throw e;
        }
    }

    boolean exists(Connect connect, String name) throws LibvirtException {
        try {
            connect.domainLookupByName(name);
            return true;
        } catch (LibvirtException e) {
            if (LibvirtErrors.code(e) == ErrorNumber.VIR_ERR_NO_DOMAIN) {
                return false;
            }
            throw e;
        }
    }

    VmInfo info(Domain domain) throws LibvirtException {
        DomainInfo info = domain.getInfo();
        XmlDoc xml = XmlDoc.parse(domain.getXMLDesc(0));
        PowerState state = switch (info.state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> PowerState.RUNNING;
            case VIR_DOMAIN_PAUSED -> PowerState.PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> PowerState.SHUTTING_DOWN;
            case VIR_DOMAIN_SHUTOFF -> PowerState.OFF;
            case VIR_DOMAIN_CRASHED -> PowerState.CRASHED;
            case VIR_DOMAIN_PMSUSPENDED -> PowerState.SUSPENDED;
            default -> PowerState.UNKNOWN;
        };
        String osType = xml.text("/domain/os/type");
        VirtMode mode = osType == null ? VirtMode.UNKNOWN : switch (osType) {
            case "hvm" -> VirtMode.HVM;
            case "xen", "linux" -> VirtMode.PV;
            case "xenpvh" -> VirtMode.PVH;
            default -> VirtMode.UNKNOWN;
        };
        ToolsState tools = ToolsState.ABSENT;
        if (xml.has("/domain/devices/channel/target[@name='" + AGENT + "']")) {
            tools = "connected".equals(xml.text("/domain/devices/channel/target[@name='" + AGENT + "']/@state"))
                ? ToolsState.RUNNING : ToolsState.NOT_RUNNING;
        }
        List<String> addresses = state == PowerState.RUNNING && xml.has("/domain/devices/interface")
            ? addresses(domain, tools == ToolsState.RUNNING) : List.of();
        return new VmInfo(domain.getName(), domain.getUUIDString(), state, info.nrVirtCpu, info.maxMem * 1024, mode, tools,
            null, addresses);
    }

    /** Removes a domain's definition with its saved state and UEFI variables; a driver without NVRAM support is asked without it. */
    void undefine(Domain domain) throws LibvirtException {
        try {
            domain.undefine(UNDEFINE_STATE | UNDEFINE_NVRAM);
        } catch (LibvirtException e) {
            if (LibvirtErrors.code(e) != ErrorNumber.VIR_ERR_INVALID_ARG) {
                throw e;
            }
            domain.undefine(UNDEFINE_STATE);
        }
    }

    /** The volumes of a domain's disks (not its CD-ROMs); a disk outside every pool is skipped. */
    List<StorageVol> disks(Connect connect, Domain domain) throws LibvirtException {
        XmlDoc xml = XmlDoc.parse(domain.getXMLDesc(0));
        List<StorageVol> volumes = new ArrayList<>();
        for (XmlDoc disk : xml.all("/domain/devices/disk[@device='disk']")) {
            try {
                if (disk.has("source/@pool")) {
                    volumes.add(connect.storagePoolLookupByName(disk.text("source/@pool")).storageVolLookupByName(disk.text("source/@volume")));
                } else if (disk.has("source/@file")) {
                    volumes.add(connect.storageVolLookupByPath(disk.text("source/@file")));
                }
            } catch (LibvirtException e) {
                if (LibvirtErrors.code(e) != ErrorNumber.VIR_ERR_NO_STORAGE_VOL && LibvirtErrors.code(e) != ErrorNumber.VIR_ERR_NO_STORAGE_POOL) {
                    throw e;
                }
            }
        }
        return volumes;
    }

    /** The addresses from libvirt's DHCP leases, then from the guest agent; none when neither knows. */
    private static List<String> addresses(Domain domain, boolean agent) {
        List<String> found = new ArrayList<>();
        int[] sources = agent ? new int[] {InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE,
            InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT}
            : new int[] {InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE};
        for (int source : sources) {
            try {
                for (DomainInterface nic : domain.interfaceAddresses(source, 0)) {
                    for (DomainInterface.InterfaceAddress address : nic.addrs) {
                        InetAddress ip = address.address;
                        if (!ip.isLoopbackAddress() && !found.contains(ip.getHostAddress())) {
                            found.add(ip.getHostAddress());
                        }
                    }
                }
            } catch (LibvirtException e) {
                // This source does not know (no lease yet, agent not answering): try the next one.
            }
        }
        return found;
    }
}
