package io.hyperlab.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.InvalidInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The management interface's settings the daemon asks for ({@code DATA/system/network.json}):
 * DHCP, or a static IPv4 address on one interface with an optional gateway and DNS servers.
 * The root helper reads it from a file the daemon's (less privileged) user wrote, so it checks
 * everything again here, strictly: known fields only, each of the right type and form.
 *
 * @param iface   the interface of a static address (null for DHCP)
 * @param gateway null for none
 */
public record NetworkRequest(JsonNode requestId, Mode mode, String iface, Ipv4.Cidr address, Ipv4 gateway, List<Ipv4> dns) {
    public enum Mode { DHCP, STATIC }

    static final int MAX_DNS = 4;
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,14}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Set<String> DHCP_FIELDS = Set.of("requestId", "mode");
    private static final Set<String> STATIC_FIELDS = Set.of("requestId", "mode", "interface", "address", "gateway", "dns");

    public NetworkRequest {
        Objects.requireNonNull(mode, "mode");
        dns = dns == null ? List.of() : List.copyOf(dns);
    }

    /**
     * The request id as the daemon wrote it (text of letters, digits and {@code . _ : -}, or a
     * whole number), or null when it has none that fits; the result echoes it.
     */
    public static JsonNode requestId(JsonNode request) {
        JsonNode id = request == null ? null : request.get("requestId");
        if (id != null && (id.isTextual() && REQUEST_ID.matcher(id.asText()).matches() || id.canConvertToLong() && id.isIntegralNumber()
            && id.asLong() >= 0)) {
            return id;
        }
        return null;
    }

    /**
     * Checks a request against this machine's network interfaces ({@code interfaces}, loopback
     * aside); the first of them is the static address's interface when the request names none.
     */
    public static NetworkRequest parse(JsonNode request, Set<String> interfaces) {
        if (request == null || !request.isObject()) {
            throw new InvalidInputException(null, "the request must be a JSON object");
        }
        JsonNode id = requestId(request);
        if (id == null) {
            throw new InvalidInputException("requestId", "requestId is missing or not an id: give text of letters, digits and . _ : -"
                + " (1 to 100) or a whole number");
        }
        String mode = text(request, "mode", true);
        if ("dhcp".equals(mode)) {
            onlyFields(request, DHCP_FIELDS, "dhcp");
            return new NetworkRequest(id, Mode.DHCP, null, null, null, List.of());
        }
        if (!"static".equals(mode)) {
            throw new InvalidInputException("mode", "mode '" + Ipv4.shown(mode) + "' is not allowed: use \"dhcp\" or \"static\"");
        }
        onlyFields(request, STATIC_FIELDS, "static");
        String iface = iface(text(request, "interface", false), interfaces);
        Ipv4.Cidr address = Ipv4.Cidr.parse("address", text(request, "address", true));
        checkAddress(address);
        String gatewayText = text(request, "gateway", false);
        Ipv4 gateway = gatewayText == null || gatewayText.isEmpty() ? null : Ipv4.parse("gateway", gatewayText);
        if (gateway != null) {
            checkGateway(address, gateway);
        }
        return new NetworkRequest(id, Mode.STATIC, iface, address, gateway, dns(request.get("dns")));
    }

    private static String iface(String named, Set<String> interfaces) {
        TreeSet<String> usable = new TreeSet<>(interfaces);
        usable.remove("lo");
        if (named == null || named.isEmpty()) {
            if (usable.isEmpty()) {
                throw new InvalidInputException("interface", "this machine has no network interface but loopback");
            }
            return usable.first();
        }
        if (!INTERFACE.matcher(named).matches() || !usable.contains(named)) {
            throw new InvalidInputException("interface", "interface '" + Ipv4.shown(named) + "' is not a network interface of this"
                + " machine: use one of " + String.join(", ", usable));
        }
        return named;
    }

    private static void checkAddress(Ipv4.Cidr address) {
        if (address.prefix() < 8 || address.prefix() > 30) {
            throw new InvalidInputException("address", "address " + address + ": the prefix length must be 8 to 30");
        }
        if (address.address().special()) {
            throw new InvalidInputException("address", "address " + address + " cannot be this machine's own: it is a loopback,"
                + " link-local, multicast or reserved address");
        }
        if (address.address().equals(address.network()) || address.address().equals(address.broadcast())) {
            throw new InvalidInputException("address", "address " + address + " is the network's "
                + (address.address().equals(address.network()) ? "own address" : "broadcast address") + ", not a host's");
        }
    }

    private static void checkGateway(Ipv4.Cidr address, Ipv4 gateway) {
        if (!address.contains(gateway) || gateway.equals(address.network()) || gateway.equals(address.broadcast())) {
            throw new InvalidInputException("gateway", "gateway " + gateway + " is not a host of the address's network "
                + address.network() + "/" + address.prefix());
        }
        if (gateway.equals(address.address())) {
            throw new InvalidInputException("gateway", "gateway " + gateway + " is the address itself: give the router's address");
        }
    }

    private static List<Ipv4> dns(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_DNS) {
            throw new InvalidInputException("dns", "dns must be a list of at most " + MAX_DNS + " IPv4 addresses, e.g. [\"192.168.1.1\"]");
        }
        List<Ipv4> servers = new ArrayList<>();
        for (JsonNode server : node) {
            if (!server.isTextual()) {
                throw new InvalidInputException("dns", "dns must hold addresses as text, e.g. [\"192.168.1.1\"]");
            }
            Ipv4 address = Ipv4.parse("dns", server.asText());
            if (address.special()) {
                throw new InvalidInputException("dns", "dns server " + address + " is a loopback, link-local, multicast or reserved address");
            }
            servers.add(address);
        }
        return servers;
    }

    private static void onlyFields(JsonNode request, Set<String> allowed, String mode) {
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(Ipv4.shown(name), "field '" + Ipv4.shown(name) + "' is not allowed with mode \"" + mode
                    + "\": the fields are " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static String text(JsonNode request, String field, boolean required) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidInputException(field, field + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, field + " must be text");
        }
        return value.asText();
    }

    /** The systemd-networkd file for a static address (DHCP needs none: the image's default file does it). */
    public String networkdFile() {
        if (mode != Mode.STATIC) {
            throw new IllegalStateException("a DHCP request has no file of its own");
        }
        StringBuilder file = new StringBuilder()
            .append("# Written by HyperLab's system helper for request ").append(requestId.asText())
            .append(": the management interface's static address.\n")
            .append("[Match]\nName=").append(iface).append("\n\n[Network]\nAddress=").append(address).append('\n');
        if (gateway != null) {
            file.append("Gateway=").append(gateway).append('\n');
        }
        dns.forEach(server -> file.append("DNS=").append(server).append('\n'));
        return file.toString();
    }
}
