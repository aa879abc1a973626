package io.hyperlab.host;

import java.util.List;

/**
 * A VM as a host lists it: name, UUID, power state, vCPUs, memory in bytes, virtualization mode,
 * guest tools or agent state with its version (null if unknown), and the IP addresses the
 * hypervisor knows (empty when none).
 */
public record VmInfo(String name, String uuid, PowerState state, int vcpus, long memoryBytes, VirtMode mode,
                     ToolsState tools, String toolsVersion, List<String> addresses) {
    public VmInfo {
        addresses = List.copyOf(addresses);
    }
}
