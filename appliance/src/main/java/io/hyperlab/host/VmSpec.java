package io.hyperlab.host;

import io.hyperlab.ByteSize;
import io.hyperlab.InvalidInputException;

/**
 * A VM to create. {@code template} is a XAPI template's name, or on libvirt one of our OS
 * profiles; {@code iso} the install media (null: none); {@code homeHost} the pool member it
 * prefers (XAPI; null: any); {@code storage} the pool/SR for its disk and {@code network} the
 * network of its NIC (null: the host's default storage, no NIC). Sizes in bytes, whole MiB.
 */
public record VmSpec(String name, String template, IsoRef iso, BootMode bootMode, String homeHost, int vcpus,
                     long memoryBytes, long diskBytes, String storage, String network) {
    public static final int MAX_VCPUS = 256;
    public static final long MIN_MEMORY = 32L << 20;
    public static final long MAX_MEMORY = 16L << 40;
    public static final long MIN_DISK = 1L << 20;
    public static final long MAX_DISK = 64L << 40;

    public VmSpec {
        Names.require("VM name", name);
        Names.requireLabel("template", template);
        bootMode = bootMode == null ? BootMode.BIOS : bootMode;
        if (homeHost != null) {
            Names.requireLabel("home host", homeHost);
        }
        if (vcpus < 1 || vcpus > MAX_VCPUS) {
            throw new InvalidInputException("vCPUs must be from 1 to " + MAX_VCPUS + ", not " + vcpus);
        }
        checkSize("memory", memoryBytes, MIN_MEMORY, MAX_MEMORY);
        checkSize("disk size", diskBytes, MIN_DISK, MAX_DISK);
        if (storage != null) {
            Names.requireLabel("storage", storage);
        }
        if (network != null) {
            Names.requireLabel("network", network);
        }
    }

    private static void checkSize(String what, long bytes, long min, long max) {
        if (bytes < min || bytes > max) {
            throw new InvalidInputException(what + " must be from " + ByteSize.format(min) + " to " + ByteSize.format(max)
                + ", not " + ByteSize.format(bytes));
        }
        if (bytes % (1L << 20) != 0) {
            throw new InvalidInputException(what + " must be a whole number of MiB, not " + bytes + " bytes");
        }
    }
}
