package io.hyperlab.bench.env;

import java.util.Objects;

/**
 * The machine a run measured, as seen from inside it.
 *
 * @param hypervisor   the hypervisor under this machine: Xen, KVM, VMware, Hyper-V, ... ("none" on bare metal)
 * @param guestType    the virtualization mode where visible: PV, HVM or PVH for Xen, HVM for KVM; null if unknown
 * @param memoryBytes  total memory the kernel sees
 */
public record Environment(
    String hypervisor,
    String guestType,
    String cpuModel,
    int cpuCount,
    long memoryBytes,
    String kernel,
    String os,
    String hostname,
    String hyperlabVersion,
    String javaVersion) {

    public static final String NONE = "none";

    public Environment {
        Objects.requireNonNull(hypervisor, "hypervisor");
        Objects.requireNonNull(hyperlabVersion, "hyperlabVersion");
    }
}
