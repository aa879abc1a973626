package io.hyperlab.host;

/**
 * A storage pool (libvirt) or SR (XAPI): our name for it, the hypervisor's id (UUID), its type
 * ("dir", "netfs", "lvm", "nfs", "iso", ...), where it is, its size and free space in bytes,
 * whether it is active (libvirt) or plugged (XAPI), and whether it holds ISO images.
 */
public record StorageInfo(String name, String id, String type, String location, long capacityBytes, long freeBytes,
                          boolean active, boolean isoLibrary) {
}
