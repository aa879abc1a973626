package io.hyperlab.appliance;

import io.hyperlab.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 address, read strictly as four decimal numbers from 0 to 255 joined by dots (no
 * leading zeros, which some tools read as octal), so that what the user typed is what the
 * appliance's network files get.
 */
public record Ipv4(int bits) {
    private static final Pattern DOTTED = Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

    /** Reads an address; the error names {@code field} and shows the form wanted. */
    public static Ipv4 parse(String field, String text) {
        Matcher m = text == null ? null : DOTTED.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new InvalidInputException(field, "'" + shown(text) + "' is not an IPv4 address: write four numbers from 0 to 255"
                + " joined by dots, e.g. 192.168.1.10");
        }
        int bits = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new InvalidInputException(field, "'" + text.strip() + "' is not an IPv4 address: " + octet
                    + " is over 255");
            }
            bits = bits << 8 | octet;
        }
        return new Ipv4(bits);
    }

    /**
     * Why this address cannot be a host's own address on a network (the appliance's, its
     * gateway's, a DNS server's), or null when it can.
     */
    public String notAHostAddress() {
        int first = bits >>> 24;
        if (first == 0) {
            return "0.x.x.x addresses mean 'this network' and are not a host's";
        }
        if (first == 127) {
            return "127.x.x.x is loopback, inside the appliance only";
        }
        if (first == 169 && (bits >>> 16 & 0xff) == 254) {
            return "169.254.x.x is link-local, chosen by the system itself";
        }
        if (first >= 224) {
            return first < 240 ? "224.x.x.x to 239.x.x.x are multicast groups" : "240.x.x.x and above are reserved";
        }
        return null;
    }

    /** The address with the host part cleared: the network's own address for this prefix length. */
    Ipv4 network(int prefix) {
        return new Ipv4(bits & mask(prefix));
    }

    /** The address with the host part set: the network's broadcast address for this prefix length. */
    Ipv4 broadcast(int prefix) {
        return new Ipv4(bits | ~mask(prefix));
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
    }

    /** Text from a request, cut short and without control characters, for a message. */
    public static String shown(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
