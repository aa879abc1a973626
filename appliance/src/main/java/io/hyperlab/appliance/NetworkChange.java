package io.hyperlab.appliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A change of the appliance's management interface, checked field by field before it goes to
 * the root helper: DHCP, or a static IPv4 address with its prefix, gateway and DNS servers.
 * DHCP carries nothing else (the helper applies it to the management interface). One checker
 * for both sides of the request file: the daemon reads the API's body with {@link #fromJson},
 * and the root helper can check the file again with {@link NetworkRequestFile#parse}.
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
    /** The fields of a change in its JSON form, in the order the request file has them. */
    public static final List<String> FIELDS = List.of("mode", "interface", "address", "gateway", "dns");
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

    /**
     * The change a JSON object asks for, checked field by field: only {@link #FIELDS}, each of
     * its type and form; the error names the field at fault. A pure function of its arguments.
     *
     * @param interfaces       the machine's interfaces (loopback aside) a static address may go
     *                         on; null to leave that unchecked (reading back a past request)
     * @param defaultInterface where a static address goes when the object names no interface;
     *                         null to require one
     */
    public static NetworkChange fromJson(JsonNode json, Collection<String> interfaces, String defaultInterface) {
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("the network settings must be a JSON object, e.g. {\"mode\":\"dhcp\"}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException(name, "unknown field '" + Ipv4.shown(name) + "': network settings take "
                    + String.join(", ", FIELDS));
            }
        }
        String modeText = text(json, "mode");
        if (modeText == null) {
            throw new InvalidInputException("mode", "'mode' is required: dhcp or static");
        }
        NetworkMode mode = NetworkMode.parse(modeText);
        String interfaceName = text(json, "interface");
        if (mode == NetworkMode.STATIC && interfaceName == null) {
            interfaceName = defaultInterface;
        }
        NetworkChange change = new NetworkChange(mode, interfaceName, text(json, "address"), text(json, "gateway"), texts(json, "dns"));
        if (interfaces != null && change.interfaceName() != null && !interfaces.contains(change.interfaceName())) {
            throw new InvalidInputException("interface", "there is no network interface '" + change.interfaceName() + "' here: the"
                + " appliance has " + (interfaces.isEmpty() ? "none but loopback" : String.join(", ", interfaces)));
        }
        return change;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode json, String field) {
        JsonNode value = json.get(field);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            throw wrongType(field, "a list of strings", value);
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw wrongType(field, "a list of strings", value);
            }
            texts.add(item.asText());
        }
        return texts;
    }

    private static InvalidInputException wrongType(String field, String wanted, JsonNode value) {
        return new InvalidInputException(field, "'" + field + "' must be " + wanted + ", not " + Ipv4.shown(value.toString()));
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
