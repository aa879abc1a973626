package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Field;
import io.hyperlab.console.FieldError;
import io.hyperlab.console.FormDialog;
import io.hyperlab.console.Pane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Network and management interface: the appliance's interfaces, addresses, gateway, DNS and
 * whether it takes its address from DHCP; on the appliance, a form that switches between DHCP
 * and a static address (the daemon has its root helper apply it to the OS). A daemon elsewhere
 * does not change its machine's network, and the screen says so.
 */
final class NetworkFeature implements Feature {
    static final String NETWORK = "api/v1/appliance/network";
    static final String MODE_DHCP = "dhcp";
    static final String MODE_STATIC = "static";
    static final int MAX_DNS = 3;
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Network and Management", 30, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Network and Management Interface").blank();
        JsonNode appliance = pane.item(console.hot().get(StatusFeature.APPLIANCE), "the appliance's network");
        if (appliance == null) {
            return;
        }
        JsonNode network = appliance.path("network");
        if (network.isObject()) {
            pane.field("Mode", network.path("mode").asText().equals(MODE_STATIC) ? "static address" : "DHCP");
            pane.field("Interface", network.path("interface").asText(null));
            pane.field("Gateway", network.path("gateway").asText(null));
            pane.field("DNS", String.join(", ", texts(network.path("dns"))));
        }
        pane.field("Management URL", appliance.path("url").asText());
        JsonNode change = network.path("change");
        if (change.isObject()) {
            pane.field("Last change", describe(change.path("request")) + ": " + change.path("state").asText()
                + (change.hasNonNull("error") ? " (" + change.get("error").asText() + ")" : ""));
        }
        pane.blank();
        for (JsonNode link : network.path("interfaces")) {
            List<String> lines = new ArrayList<>(List.of(link.path("state").asText() + "  " + link.path("mac").asText()));
            // Link-local IPv6 addresses are on every interface and reach nothing beyond it: left out here.
            texts(link.path("addresses")).stream().filter(a -> !a.startsWith("fe80:")).forEach(lines::add);
            pane.field(link.path("name").asText(), String.join("\n", lines));
        }
        String refusal = StatusFeature.notOnAppliance(console, appliance, "change this machine's network");
        pane.blank().hint(refusal != null ? refusal : "Press <Enter> to switch between DHCP and a static address.");
    }

    @Override
    public void activate(Console console) {
        console.run("read the network settings", () -> console.client().get(StatusFeature.APPLIANCE), appliance -> {
            String refusal = StatusFeature.notOnAppliance(console, appliance, "change this machine's network");
            if (refusal != null) {
                console.message("Network", refusal);
                return;
            }
            JsonNode network = appliance.path("network");
            Object task = FormDialog.show(console, "Network settings", "DHCP: the address, gateway and DNS come from your"
                    + " network's DHCP server. Static: the address with its prefix (/24 is 255.255.255.0), the router and up to "
                    + MAX_DNS + " DNS servers. Connections to the old address (SSH, the web page) may drop.",
                List.of(
                    Field.choice("mode", "Mode", List.of(MODE_DHCP, MODE_STATIC), network.path("mode").asText(MODE_DHCP)),
                    Field.text("interface", "Interface", network.path("interface").asText(""), NetworkFeature::interfaceName),
                    Field.text("address", "Address/prefix", ipv4Address(network), NetworkFeature::address),
                    Field.text("gateway", "Gateway", network.path("gateway").asText(""), value -> value.isBlank() ? null : ipv4(value)),
                    Field.text("dns", "DNS servers", String.join(", ", texts(network.path("dns"))), NetworkFeature::dns)),
                values -> console.client().put(NETWORK, body(values)));
            if (task instanceof JsonNode queued) {
                SetupTasks.follow(console, queued, ended -> console.hot().invalidate(StatusFeature.APPLIANCE));
            }
        });
    }

    /** The request for the values typed: DHCP alone, or the static address with what goes with it. */
    static Map<String, Object> body(Map<String, String> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", values.get("mode"));
        if (values.get("mode").equals(MODE_DHCP)) {
            return body;
        }
        if (values.get("address").isBlank()) {
            throw new FieldError("address", "required for a static address, e.g. 192.168.1.10/24");
        }
        if (values.get("gateway").isBlank()) {
            throw new FieldError("gateway", "required for a static address: the router");
        }
        if (!values.get("interface").isBlank()) {
            body.put("interface", values.get("interface").strip());
        }
        body.put("address", values.get("address").strip());
        body.put("gateway", values.get("gateway").strip());
        body.put("dns", servers(values.get("dns")));
        return body;
    }

    static String interfaceName(String value) {
        return value.isBlank() || INTERFACE.matcher(value.strip()).matches() ? null
            : "up to 15 letters, digits, _ . -";
    }

    static String address(String value) {
        if (value.isBlank()) {
            return null;
        }
        String[] parts = value.strip().split("/", -1);
        if (parts.length != 2 || !parts[1].matches("[0-9]{1,2}") || Integer.parseInt(parts[1]) < 1 || Integer.parseInt(parts[1]) > 30) {
            return "write A.B.C.D/N, N from 1 to 30";
        }
        return ipv4(parts[0]);
    }

    static String dns(String value) {
        List<String> servers = servers(value);
        if (servers.size() > MAX_DNS) {
            return "at most " + MAX_DNS + " servers";
        }
        for (String server : servers) {
            String problem = ipv4(server);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String ipv4(String value) {
        return IPV4.matcher(value.strip()).matches() ? null : "'" + value.strip() + "' is not an IPv4 address";
    }

    /** DNS servers as typed: separated by commas or spaces. */
    static List<String> servers(String value) {
        List<String> servers = new ArrayList<>();
        for (String server : value.split("[,\\s]+")) {
            if (!server.isEmpty()) {
                servers.add(server);
            }
        }
        return servers;
    }

    /** The management interface's IPv4 address with its prefix, to start the form from. */
    private static String ipv4Address(JsonNode network) {
        String management = network.path("interface").asText("");
        for (JsonNode link : network.path("interfaces")) {
            if (link.path("name").asText().equals(management)) {
                for (String address : texts(link.path("addresses"))) {
                    if (address.contains(".")) {
                        return address;
                    }
                }
            }
        }
        return "";
    }

    private static String describe(JsonNode request) {
        return request.path("mode").asText().equals(MODE_STATIC)
            ? "static " + request.path("address").asText() + " on " + request.path("interface").asText() : "DHCP";
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
