package io.hyperlab.host;

import java.util.List;

/**
 * A host's processors: model, topology, clock, architecture, and the hardware virtualization
 * extensions seen ("vmx" is Intel VT-x, "svm" AMD-V). {@code hardwareVirtualization} is null
 * when the host does not say; {@code mhz} is null when unknown.
 */
public record CpuInfo(String model, String architecture, int sockets, int coresPerSocket, int threadsPerCore,
                      int logicalCpus, Integer mhz, List<String> virtualizationExtensions, Boolean hardwareVirtualization) {
    public CpuInfo {
        if (sockets < 1 || coresPerSocket < 1 || threadsPerCore < 1 || logicalCpus < 1) {
            throw new IllegalArgumentException("a CPU topology counts from 1: " + sockets + " sockets, " + coresPerSocket
                + " cores, " + threadsPerCore + " threads, " + logicalCpus + " CPUs");
        }
        virtualizationExtensions = virtualizationExtensions == null ? List.of() : List.copyOf(virtualizationExtensions);
    }

    /** Whether the architecture is a 64-bit x86 one; null when the host did not say. */
    public Boolean is64BitX86() {
        if (architecture == null) {
            return null;
        }
        return architecture.equals("x86_64") || architecture.equals("amd64");
    }
}
