package io.hyperlab.host.libvirt;

import io.hyperlab.NotFoundException;
import io.hyperlab.host.Choice;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * libvirt has no templates: these OS profiles of ours stand in for them, choosing the devices a
 * guest can drive without extra drivers. Linux guests get virtio disk and NIC; Windows gets SATA
 * and e1000e (it has no virtio drivers until the guest tools are in), local-time clock and
 * Hyper-V enlightenments.
 */
enum OsProfile implements Choice {
    DEBIAN12("http://debian.org/debian/12", false),
    GENERIC_LINUX("http://libosinfo.org/linux/2022", false),
    WINDOWS("http://microsoft.com/win/10", true);

    private final String libosinfoId;
    private final boolean windows;

    OsProfile(String libosinfoId, boolean windows) {
        this.libosinfoId = libosinfoId;
        this.windows = windows;
    }

    static OsProfile of(String template) {
        for (OsProfile profile : values()) {
            if (profile.id().equalsIgnoreCase(template)) {
                return profile;
            }
        }
        throw new NotFoundException("no OS profile '" + template + "' on libvirt hosts: use "
            + Arrays.stream(values()).map(OsProfile::id).collect(Collectors.joining(", ")));
    }

    String libosinfoId() {
        return libosinfoId;
    }

    boolean windows() {
        return windows;
    }

    String diskBus() {
        return windows ? "sata" : "virtio";
    }

    String diskTarget() {
        return windows ? "sda" : "vda";
    }

    /** The CD-ROM's target: after the disk on SATA for Windows, first on SATA otherwise. */
    String cdromTarget() {
        return windows ? "sdb" : "sda";
    }

    String nicModel() {
        return windows ? "e1000e" : "virtio";
    }
}
