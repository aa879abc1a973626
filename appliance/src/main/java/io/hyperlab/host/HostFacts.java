package io.hyperlab.host;

import java.util.List;

/**
 * What a host is: its name, the hypervisor product and version (e.g. "QEMU/KVM" "7.2.0", or
 * "XenServer" "8.2.1"), processors, memory (free is null when unknown), storage, physical NICs,
 * networks, and the names of the hosts in its pool (XAPI; a libvirt host lists only itself).
 */
public record HostFacts(String hostname, String product, String version, CpuInfo cpu, long memoryTotalBytes,
                        Long memoryFreeBytes, List<StorageInfo> storage, List<NicInfo> nics, List<NetworkInfo> networks,
                        List<String> poolHosts) {
    public HostFacts {
        storage = List.copyOf(storage);
        nics = List.copyOf(nics);
        networks = List.copyOf(networks);
        poolHosts = List.copyOf(poolHosts);
    }
}
