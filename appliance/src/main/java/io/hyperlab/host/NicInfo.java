package io.hyperlab.host;

/** A host's physical network interface; speed (Mbit/s) and link are null when unknown. */
public record NicInfo(String name, String mac, Integer speedMbps, Boolean linkUp) {
}
