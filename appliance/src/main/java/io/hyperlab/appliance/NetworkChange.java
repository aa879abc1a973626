package io.hyperlab.appliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hyperlab.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A change of the appliance's management interface, checked field by field before it goes to
 * the root helper: DHCP, or a static IPv4 address with its prefix, gateway and DNS servers.
 * DHCP carries nothing else (the helper applies it to the management interface).
 *
 * @param interfaceName the interface a static address goes on
 * @param address       "A.B.C.D/N", a host address of its network
 * @param gateway       an address of the same network, not the appliance's own
 * @param dns           up to {@link #MAX_DNS} servers (the C library reads no more), maybe none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkChange(NetworkMode mode, @JsonProperty("interface") String interfaceName, String address, String gateway,
                            List<String> dns) {
    public static final int MAX_DNS = 3;
    /** A Linux interface name: at most 15 characters, none that a file name or a shell would treat specially. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

    public NetworkChange {
        if (mode == null) {
            throw new InvalidInputException("mode", "'mode' is required: dhcp or static");
        }
        if (mode == NetworkMode.DHCP) {
            for (String[] given : new String[][] {{"interface", interfaceName}, {"address", address}, {"gateway", gateway}}) {
                if (given[1] != null) {
                    throw new InvalidInputException(given[0], "'" + given[0] + "' goes with mode static only: with dhcp the"
                        + " management interface takes its address, gateway and DNS from the DHCP server");
                }
            }
            if (dns != null && !dns.isEmpty()) {
                throw new InvalidInputException("dns", "'dns' goes with mode static only: with dhcp the DHCP server gives the DNS servers");
            }
            dns = null;
        } else {
            interfaceName = interfaceName(interfaceName);
            Ipv4 own = hostAddress(address);
            int prefix = Integer.parseInt(address.strip().substring(address.strip().indexOf('/') + 1));
            address = own + "/" + prefix;
            gateway = gateway(gateway, own, prefix).toString();
            dns = dns(dns);
        }
    }

    public static NetworkChange dhcp() {
        return new NetworkChange(NetworkMode.DHCP, null, null, null, null);
    }

    private static String interfaceName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("interface", "'interface' is required for a static address: name the network"
                + " interface, e.g. ens3");
        }
        if (!INTERFACE.matcher(name).matches() || name.equals("lo")) {
            throw new InvalidInputException("interface", "'" + Ipv4.shown(name) + "' is not a network interface that can take a"
                + " static address: give a name of up to 15 letters, digits, '_', '.' or '-' (not the loopback lo)");
        }
        return name;
    }

    private static Ipv4 hostAddress(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("address", "'address' is required for a static address: the appliance's IPv4"
                + " address with its prefix length, e.g. 192.168.1.10/24");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new InvalidInputException("address", "'" + Ipv4.shown(text) + "' has no prefix length: write the address"
                + " with it, e.g. " + Ipv4.shown(trimmed) + "/24");
        }
        Ipv4 own = Ipv4.parse("address", trimmed.substring(0, slash));
        String prefixText = trimmed.substring(slash + 1);
        if (!prefixText.matches("[0-9]{1,2}") || Integer.parseInt(prefixText) < 1 || Integer.parseInt(prefixText) > 30) {
            throw new InvalidInputException("address", "the prefix length '/" + Ipv4.shown(prefixText) + "' is not one a static"
                + " address can have here: use /1 to /30 (e.g. /24 for 255.255.255.0)");
        }
        int prefix = Integer.parseInt(prefixText);
        String why = own.notAHostAddress();
        if (why == null && own.equals(own.network(prefix))) {
            why = "it is the network's own address for /" + prefix;
        }
        if (why == null && own.equals(own.broadcast(prefix))) {
            why = "it is the network's broadcast address for /" + prefix;
        }
        if (why != null) {
            throw new InvalidInputException("address", own + "/" + prefix + " cannot be the appliance's address: " + why);
        }
        return own;
    }

    private static Ipv4 gateway(String text, Ipv4 own, int prefix) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("gateway", "'gateway' is required for a static address: the router's IPv4 address on"
                + " the appliance's network, e.g. " + new Ipv4(own.network(prefix).bits() + 1));
        }
        Ipv4 gateway = Ipv4.parse("gateway", text);
        String network = own.network(prefix) + "/" + prefix;
        if (!gateway.network(prefix).equals(own.network(prefix))) {
            throw new InvalidInputException("gateway", "the gateway " + gateway + " is not on the appliance's network " + network
                + ": give a router address inside it");
        }
        if (gateway.equals(own)) {
            throw new InvalidInputException("gateway", "the gateway " + gateway + " is the appliance's own address: give the router's");
        }
        if (gateway.equals(own.network(prefix)) || gateway.equals(own.broadcast(prefix))) {
            throw new InvalidInputException("gateway", "the gateway " + gateway + " is the " + (gateway.equals(own.network(prefix))
                ? "network's own" : "broadcast") + " address of " + network + ", not a router's");
        }
        return gateway;
    }

    private static List<String> dns(List<String> servers) {
        List<String> checked = new ArrayList<>();
        if (servers == null) {
            return checked;
        }
        if (servers.size() > MAX_DNS) {
            throw new InvalidInputException("dns", servers.size() + " DNS servers given: give at most " + MAX_DNS
                + " (the system's resolver reads no more)");
        }
        for (String server : servers) {
            Ipv4 address = Ipv4.parse("dns", server);
            String why = address.notAHostAddress();
            if (why != null) {
                throw new InvalidInputException("dns", address + " cannot be a DNS server here: " + why);
            }
            if (checked.contains(address.toString())) {
                throw new InvalidInputException("dns", "the DNS server " + address + " is given twice");
            }
            checked.add(address.toString());
        }
        return List.copyOf(checked);
    }
}
