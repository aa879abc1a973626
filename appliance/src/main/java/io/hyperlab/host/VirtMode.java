package io.hyperlab.host;

/** How a VM is virtualized: paravirtual, hardware (full), or PVH; unknown when the hypervisor does not say. */
public enum VirtMode implements Choice {
    PV,
    HVM,
    PVH,
    UNKNOWN
}
