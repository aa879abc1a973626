package io.hyperlab.image;

/**
 * What the XVA's VM record says: its name and description, vCPUs, memory, firmware and the
 * size of its one disk. Invalid values cannot exist.
 */
public record VmSpec(String name, String description, int vcpus, long memoryBytes, Firmware firmware, long diskBytes) {
    public static final long MIB = 1024L * 1024L;

    /** How the VM boots; XAPI's {@code HVM_boot_params:firmware}. */
    public enum Firmware {
        BIOS, UEFI;

        String xapiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public VmSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("VM name is empty; give the name the VM shows in XenCenter");
        }
        if (description == null) {
            throw new IllegalArgumentException("VM description is missing; give one (it may be empty)");
        }
        if (vcpus < 1 || vcpus > 64) {
            throw new IllegalArgumentException("vCPUs " + vcpus + " is out of range; allowed: 1 to 64");
        }
        if (memoryBytes < 256 * MIB || memoryBytes % MIB != 0) {
            throw new IllegalArgumentException("memory " + memoryBytes + " bytes is not allowed; give a whole number of MiB, at least 256 MiB");
        }
        if (firmware == null) {
            throw new IllegalArgumentException("firmware is missing; allowed: BIOS, UEFI");
        }
        if (diskBytes < MIB || diskBytes % MIB != 0) {
            throw new IllegalArgumentException("disk size " + diskBytes + " bytes is not a positive multiple of 1 MiB"
                + " (XVA readers drop a partial last block); resize the disk to whole MiB");
        }
    }
}
