package io.hyperlab.system;

import io.hyperlab.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 address read strictly from its dotted-quad text (four decimal numbers 0 to 255, no
 * leading zeros, nothing else), as the appliance's network settings take it. Never a host name:
 * nothing is looked up.
 *
 * @param bits the address as an unsigned 32-bit number
 */
public record Ipv4(long bits) {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern ADDRESS = Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET);
    private static final Pattern CIDR = Pattern.compile("(" + ADDRESS.pattern() + ")/(\\d{1,2})");

    public Ipv4 {
        if (bits < 0 || bits > 0xffffffffL) {
            throw new IllegalArgumentException("not a 32-bit address: " + bits);
        }
    }

    /** An address such as 10.0.2.2; {@code field} names it in the error. */
    public static Ipv4 parse(String field, String text) {
        Matcher m = text == null ? null : ADDRESS.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidInputException(field, field + " '" + shown(text) + "' is not an IPv4 address: write it as four numbers"
                + " 0 to 255 with dots, e.g. 192.168.1.1");
        }
        long bits = 0;
        for (int i = 1; i <= 4; i++) {
            bits = bits << 8 | Integer.parseInt(m.group(i));
        }
        return new Ipv4(bits);
    }

    /** An address with its prefix length, e.g. 10.0.2.15/24. */
    public record Cidr(Ipv4 address, int prefix) {
        public Cidr {
            if (prefix < 0 || prefix > 32) {
                throw new IllegalArgumentException("prefix " + prefix);
            }
        }

        public static Cidr parse(String field, String text) {
            Matcher m = text == null ? null : CIDR.matcher(text);
            if (m == null || !m.matches()) {
                throw new InvalidInputException(field, field + " '" + shown(text) + "' is not an IPv4 address with a prefix length:"
                    + " write it like 192.168.1.10/24");
            }
            return new Cidr(Ipv4.parse(field, m.group(1)), Integer.parseInt(m.group(6)));
        }

        long mask() {
            return prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
        }

        public Ipv4 network() {
            return new Ipv4(address.bits & mask());
        }

        public Ipv4 broadcast() {
            return new Ipv4(address.bits | ~mask() & 0xffffffffL);
        }

        public boolean contains(Ipv4 other) {
            return (other.bits & mask()) == network().bits;
        }

        @Override
        public String toString() {
            return address + "/" + prefix;
        }
    }

    /** 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, multicast and reserved (224.0.0.0 and up): not a host's own address. */
    public boolean special() {
        long first = bits >> 24;
        return first == 0 || first == 127 || first >= 224 || bits >> 16 == (169 << 8 | 254);
    }

    @Override
    public String toString() {
        return (bits >> 24 & 255) + "." + (bits >> 16 & 255) + "." + (bits >> 8 & 255) + "." + (bits & 255);
    }

    /** The text as typed, cut short for a message. */
    static String shown(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 40 ? flat.substring(0, 40) + "..." : flat;
    }
}
