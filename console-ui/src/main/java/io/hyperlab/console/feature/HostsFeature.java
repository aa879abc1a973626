package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.DaemonError;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Field;
import io.hyperlab.console.FieldError;
import io.hyperlab.console.FormDialog;
import io.hyperlab.console.Pane;
import io.hyperlab.console.Text;
import io.hyperlab.console.TextWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hypervisor hosts: add one (kind, address, user, password, and the TLS fingerprint confirmed
 * on first contact), list them, see one's facts and preflight report against the study's
 * requirements, remove one (F8).
 */
final class HostsFeature implements Feature {
    /** Letters, digits, '.', '_' and '-', starting with a letter or digit: the daemon's rule for names. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_TEXT = 200;
    /** The daemon's refusal of a host whose TLS certificate is not trusted yet; {@code seen} is what it presented. */
    static final String UNTRUSTED = "untrusted_certificate";

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Hypervisor Hosts", 40, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Hypervisor Hosts").blank();
        JsonNode hosts = pane.item(console.hot().get(HostPicker.HOSTS), "the hosts");
        if (hosts == null) {
            return;
        }
        if (hosts.isEmpty()) {
            pane.text("No host yet.");
        }
        List<List<String>> rows = new ArrayList<>();
        hosts.forEach(host -> rows.add(List.of(host.path("name").asText(), host.path("kind").asText(), host.path("uri").asText())));
        if (!rows.isEmpty()) {
            pane.table(List.of("Name", "Kind", "Address"), rows);
        }
        pane.blank().hint("Press <Enter> to add a host, or to see one's facts, preflight report, or remove it.");
    }

    @Override
    public void activate(Console console) {
        console.run("read the hosts", () -> console.client().get(HostPicker.HOSTS), hosts -> {
            List<String> actions = new ArrayList<>(List.of("Add a host"));
            hosts.forEach(host -> actions.add(HostPicker.describe(host)));
            int chosen = console.choose("Hypervisor Hosts", null, actions);
            if (chosen == 0) {
                add(console);
            } else if (chosen > 0) {
                host(console, hosts.get(chosen - 1));
            }
        });
    }

    private static void host(Console console, JsonNode host) {
        String name = host.path("name").asText();
        switch (console.choose("Host " + name, HostPicker.describe(host), List.of("Facts", "Preflight report", "Remove"))) {
            case 0 -> console.run("read the facts of " + name, () -> console.client().get(HostPicker.path(host)),
                info -> TextWindow.show(console, "Host " + name, facts(info)));
            case 1 -> console.run("check " + name, () -> console.client().get(HostPicker.path(host, "preflight")),
                report -> TextWindow.show(console, "Preflight of " + name, preflight(report)));
            case 2 -> {
                if (console.confirm("Remove host " + name, "Forget host " + name + "? Nothing on the host changes; its stored"
                    + " password is deleted.")) {
                    console.run("remove " + name, () -> console.client().delete(HostPicker.path(host)), nothing -> {
                        console.hot().invalidate(HostPicker.HOSTS);
                        console.announce("Host " + name + " removed.");
                    });
                }
            }
            default -> {
            }
        }
    }

    private static void add(Console console) {
        Object added = FormDialog.show(console, "Add a host", "XenServer/XCP-ng: its address (xapi://host is made of it)."
                + " KVM: a libvirt URI (qemu+ssh://root@host/system) or an address (qemu+ssh is used).",
            List.of(
                Field.text("name", "Name", "", HostsFeature::name),
                Field.choice("kind", "Kind", List.of("xapi", "libvirt"), "xapi"),
                Field.text("uri", "Address or URI", "", Field.required(MAX_TEXT)),
                Field.text("user", "User", "root", Field.optional(MAX_TEXT)),
                Field.secret("password", "Password", Field.optional(MAX_TEXT)),
                Field.text("fingerprint", "TLS SHA-256", "", Field.optional(MAX_TEXT))),
            values -> addHost(console, values));
        if (added instanceof JsonNode host) {
            console.hot().invalidate(HostPicker.HOSTS);
            console.announce("Host " + host.path("host").path("name").asText() + " added.");
            TextWindow.show(console, "Host " + host.path("host").path("name").asText(), facts(host));
        }
    }

    /** Adds the host; on first contact with a TLS host, shows the certificate it presented and adds it again once confirmed. */
    private static JsonNode addHost(Console console, Map<String, String> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", values.get("name").strip());
        body.put("uri", uri(values.get("kind"), values.get("uri").strip(), values.get("user").strip()));
        putIfGiven(body, "user", values.get("user").strip());
        putIfGiven(body, "password", values.get("password"));
        putIfGiven(body, "fingerprint", values.get("fingerprint").strip());
        try {
            return console.client().post(HostPicker.HOSTS, body);
        } catch (DaemonError e) {
            String seen = e.code().equals(UNTRUSTED) ? e.detail("seen") : null;
            if (seen == null) {
                throw e;
            }
            if (body.containsKey("fingerprint")) {
                // What the user typed is never swapped for what the host shows: that is the check.
                throw new FieldError("fingerprint", "not the host's: it presents " + seen);
            }
            if (!console.confirmFromWorker("Confirm the host's certificate", "The host presented a TLS certificate with SHA-256\n"
                + seen + "\nCheck it on the host (openssl x509 -noout -fingerprint -sha256 -in /etc/xensource/xapi-ssl.pem)."
                + " Trust this certificate for " + body.get("name") + "?")) {
                throw e;
            }
            body.put("fingerprint", seen);
            return console.client().post(HostPicker.HOSTS, body);
        }
    }

    /** What the user typed as a URI: kept when it is one, else made into one of the kind chosen. */
    static String uri(String kind, String address, String user) {
        if (address.contains("://")) {
            return address;
        }
        if (kind.equals("libvirt")) {
            return "qemu+ssh://" + (user.isEmpty() ? "" : user + "@") + address + "/system";
        }
        return "xapi://" + address;
    }

    private static void putIfGiven(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(name, value);
        }
    }

    /** The daemon's rule for the names of hosts, VMs and ISO libraries, checked before sending. */
    static String name(String value) {
        if (value.isBlank()) {
            return "required: 1 to 64 letters, digits, . _ -";
        }
        return NAME.matcher(value.strip()).matches() ? null : "use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    }

    /** A host's facts as a page: what it runs, its CPU, memory, storage, NICs and networks. */
    static Pane facts(JsonNode info) {
        JsonNode host = info.path("host");
        JsonNode facts = info.path("facts");
        JsonNode cpu = facts.path("cpu");
        Pane pane = new Pane().title(host.path("name").asText() + ": " + facts.path("product").asText() + " "
                + facts.path("version").asText()).blank()
            .field("Address", host.path("uri").asText())
            .field("Kind", host.path("kind").asText())
            .field("Hostname", facts.path("hostname").asText())
            .field("CPU", (cpu.hasNonNull("model") ? cpu.get("model").asText() + ", " : "") + cpu.path("logicalCpus").asInt()
                + " logical CPUs")
            .field("Memory", Text.bytes(facts.path("memoryTotalBytes").asLong()) + (facts.hasNonNull("memoryFreeBytes")
                ? ", " + Text.bytes(facts.get("memoryFreeBytes").asLong()) + " free" : ""));
        List<List<String>> storage = new ArrayList<>();
        facts.path("storage").forEach(s -> storage.add(List.of(s.path("name").asText(), s.path("type").asText(),
            Text.bytes(s.path("freeBytes").asLong()) + " free of " + Text.bytes(s.path("capacityBytes").asLong()),
            s.path("isoLibrary").asBoolean() ? "ISO" : "")));
        if (!storage.isEmpty()) {
            pane.blank().title("Storage").table(List.of("Name", "Type", "Space", ""), storage);
        }
        List<List<String>> nics = new ArrayList<>();
        facts.path("nics").forEach(n -> nics.add(List.of(n.path("name").asText(), n.path("mac").asText(),
            n.hasNonNull("speedMbps") ? n.get("speedMbps").asInt() + " Mbit/s" : "-",
            n.hasNonNull("linkUp") ? (n.get("linkUp").asBoolean() ? "up" : "down") : "-")));
        if (!nics.isEmpty()) {
            pane.blank().title("Network interfaces").table(List.of("Name", "MAC", "Speed", "Link"), nics);
        }
        List<List<String>> networks = new ArrayList<>();
        facts.path("networks").forEach(n -> networks.add(List.of(n.path("name").asText(), n.path("kind").asText().toLowerCase(Locale.ROOT),
            n.path("ipv4").asText(""), n.path("active").asBoolean() ? "active" : "inactive")));
        if (!networks.isEmpty()) {
            pane.blank().title("Networks").table(List.of("Name", "Kind", "IPv4", "State"), networks);
        }
        return pane;
    }

    /** The preflight report: each requirement of the study for this hypervisor, what the host has, and the verdict. */
    static Pane preflight(JsonNode report) {
        Pane pane = new Pane().title("Preflight: " + report.path("host").asText() + " (" + report.path("hypervisor").asText() + ")")
            .blank().field("Overall", report.path("overall").asText()).blank();
        for (JsonNode check : report.path("checks")) {
            pane.field(check.path("verdict").asText(), check.path("requirement").asText() + ": " + check.path("measured").asText()
                + " (needs " + check.path("rule").asText() + ")");
        }
        return pane;
    }
}
