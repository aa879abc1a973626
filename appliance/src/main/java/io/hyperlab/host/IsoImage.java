package io.hyperlab.host;

/** An ISO image in an ISO library: the library's name, the image's file name, size in bytes and hypervisor id. */
public record IsoImage(String library, String name, long sizeBytes, String id) {
}
