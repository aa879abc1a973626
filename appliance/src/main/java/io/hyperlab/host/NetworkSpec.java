package io.hyperlab.host;

import io.hyperlab.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network to create. NAT and ISOLATED take an optional IPv4 gateway address with its prefix
 * ({@code 192.168.150.1/24}; null: the driver picks a free /24) and no host interface; BRIDGE
 * needs the host interface (libvirt: a Linux bridge such as br0; XAPI: a PIF device such as eth0)
 * and may carry a VLAN tag (XAPI).
 */
public record NetworkSpec(String name, NetworkKind kind, String hostInterface, String ipv4, Integer vlan) {
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,14}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public NetworkSpec {
        Names.require("network name", name);
        if (kind == null || kind == NetworkKind.OTHER) {
            throw new InvalidInputException("the network kind must be nat, isolated (XAPI: internal) or bridge (XAPI: on a PIF)");
        }
        if (kind == NetworkKind.BRIDGE) {
            if (hostInterface == null || !INTERFACE.matcher(hostInterface).matches()) {
                throw new InvalidInputException("a bridge network needs the host interface to bridge to (e.g. br0, eth0):"
                    + (hostInterface == null ? " none was given" : " '" + Names.printable(hostInterface) + "' is not an interface name")
                    + "; use 1 to 15 letters, digits, '.', '_' or '-'");
            }
            if (ipv4 != null) {
                throw new InvalidInputException("a bridge network takes its addresses from the host's LAN: give no IPv4 address");
            }
        } else {
            if (hostInterface != null) {
                throw new InvalidInputException("a " + kind.id() + " network has no host interface; use kind bridge to bridge to "
                    + Names.printable(hostInterface));
            }
            if (vlan != null) {
                throw new InvalidInputException("a VLAN tag needs a bridge network on a host interface");
            }
        }
        if (ipv4 != null) {
            checkCidr(ipv4);
        }
        if (vlan != null && (vlan < 0 || vlan > 4094)) {
            throw new InvalidInputException("VLAN tag must be from 0 to 4094, not " + vlan);
        }
    }

    private static void checkCidr(String text) {
        Matcher m = CIDR.matcher(text);
        String rule = "write the gateway address with its prefix, e.g. 192.168.150.1/24 (prefix 8 to 30)";
        if (!m.matches()) {
            throw new InvalidInputException("IPv4 address '" + Names.printable(text) + "' is not an address/prefix: " + rule);
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new InvalidInputException("IPv4 address '" + text + "' has the octet " + octet + " (0 to 255 allowed)");
            }
            address = address << 8 | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix < 8 || prefix > 30) {
            throw new InvalidInputException("IPv4 prefix /" + prefix + " in '" + text + "' is outside 8 to 30: " + rule);
        }
        long hostMask = (1L << (32 - prefix)) - 1;
        long hostPart = address & hostMask;
        if (hostPart == 0 || hostPart == hostMask) {
            throw new InvalidInputException("IPv4 address '" + text + "' is the network's " + (hostPart == 0 ? "own" : "broadcast")
                + " address: " + rule);
        }
    }
}
