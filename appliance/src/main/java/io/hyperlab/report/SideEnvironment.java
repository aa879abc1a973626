package io.hyperlab.report;

import io.hyperlab.ByteSize;
import io.hyperlab.bench.env.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * What a comparison needs to know of the machine behind a side; fields a source does not give
 * (the study does not say how many vCPUs its XenServer VM had) are null.
 */
public record SideEnvironment(String hypervisor, String guestType, String cpuModel, Integer vcpus, Long memoryBytes) {

    public static SideEnvironment of(Environment env) {
        return new SideEnvironment(env.hypervisor(), env.guestType(), env.cpuModel(), env.cpuCount() > 0 ? env.cpuCount() : null,
            env.memoryBytes() > 0 ? env.memoryBytes() : null);
    }

    /** One line for people, e.g. "KVM HVM guest, AMD EPYC 7B13, 2 vCPUs, 7.8 GiB". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (hypervisor != null) {
            parts.add(Environment.NONE.equals(hypervisor) ? "bare metal"
                : hypervisor + (guestType == null ? "" : " " + guestType) + " guest");
        }
        if (cpuModel != null) {
            parts.add(cpuModel);
        }
        if (vcpus != null) {
            parts.add(vcpus + (vcpus == 1 ? " vCPU" : " vCPUs"));
        }
        if (memoryBytes != null) {
            parts.add(ByteSize.format(memoryBytes));
        }
        return parts.isEmpty() ? "not recorded" : String.join(", ", parts);
    }
}
