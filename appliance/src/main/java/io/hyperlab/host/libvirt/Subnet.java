package io.hyperlab.host.libvirt;

/** An IPv4 subnet given by its gateway address and prefix: the network, and the DHCP range around the gateway. */
record Subnet(long gatewayAddress, int prefix) {

    /** From "192.168.150.1/24"; the text was checked by {@link io.hyperlab.host.NetworkSpec} or comes from libvirt. */
    static Subnet parse(String cidr) {
        String[] parts = cidr.split("/");
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            address = address << 8 | Integer.parseInt(octet);
        }
        return new Subnet(address, Integer.parseInt(parts[1]));
    }

    static int prefixOf(String netmask) {
        if (netmask == null) {
            return 24;
        }
        return Long.bitCount(parse(netmask + "/0").gatewayAddress());
    }

    String gateway() {
        return text(gatewayAddress);
    }

    String network() {
        return text(gatewayAddress & mask()) + "/" + prefix;
    }

    /** The DHCP range: the larger run of host addresses on either side of the gateway. */
    String first() {
        return text(range()[0]);
    }

    String last() {
        return text(range()[1]);
    }

    private long[] range() {
        long base = gatewayAddress & mask();
        long lowest = base + 1;
        long highest = (base | ~mask() & 0xffffffffL) - 1;
        return gatewayAddress - lowest >= highest - gatewayAddress
            ? new long[] {lowest, gatewayAddress - 1}
            : new long[] {gatewayAddress + 1, highest};
    }

    private long mask() {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    private static String text(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }
}
