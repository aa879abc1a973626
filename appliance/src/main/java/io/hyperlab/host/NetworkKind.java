package io.hyperlab.host;

import java.util.Locale;

/**
 * A virtual network's kind. NAT and ISOLATED are libvirt's; XAPI's internal network is ISOLATED
 * and a XAPI network on a PIF is BRIDGE (to a host interface); OTHER is a network HyperLab lists
 * but does not create (e.g. libvirt's route or open modes).
 */
public enum NetworkKind implements Choice {
    NAT,
    ISOLATED,
    BRIDGE,
    OTHER;

    /** Reads the kind as users type it; also accepts XAPI's words internal (ISOLATED) and external (BRIDGE). */
    public static NetworkKind parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "internal" -> ISOLATED;
            case "external" -> BRIDGE;
            default -> Names.choice("network kind", text, values());
        };
    }
}
