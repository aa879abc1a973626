package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.ConsoleMain;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Pane;
import io.hyperlab.console.Text;
import java.util.Locale;

/**
 * Status display: what the appliance is and how to reach it and verify it (web URL, TLS and
 * SSH fingerprints); once logged in, its addresses, uptime, CPU and memory. Until the admin
 * password is changed, the one-time password shows here for an account that may read it.
 */
final class StatusFeature implements Feature {
    static final String APPLIANCE = "api/v1/appliance";

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Status Display", 10, false);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Status Display").blank();
        if (!console.client().loggedIn()) {
            JsonNode health = pane.item(console.hot().get(ConsoleMain.HEALTH), "the daemon's health");
            if (health != null) {
                pane.field("Version", "HyperLab " + health.path("version").asText());
            }
            pane.field("Web page", console.client().base());
            tls(pane, console.client().pinnedFingerprint(), console.client().base().getScheme().equals("https"));
            ssh(pane, console);
            firstBoot(pane, console);
            pane.blank().hint("Press <Enter> to log in for addresses, uptime, CPU and memory.");
            return;
        }
        JsonNode appliance = pane.item(console.hot().get(APPLIANCE), "the appliance's status");
        if (appliance == null) {
            return;
        }
        pane.field("Name", appliance.path("name").asText("HyperLab") + " " + appliance.path("version").asText());
        pane.field("Hostname", appliance.path("hostname").asText());
        StringBuilder addresses = new StringBuilder();
        for (JsonNode address : appliance.path("addresses")) {
            addresses.append(addresses.length() > 0 ? "\n" : "").append(address.path("address").asText())
                .append(" (").append(address.path("interface").asText()).append(")");
        }
        pane.field("IP addresses", addresses.length() == 0 ? "none" : addresses.toString());
        pane.field("Web page", appliance.path("url").asText());
        if (appliance.path("uptimeSeconds").isNumber()) {
            pane.field("Uptime", Text.duration(appliance.path("uptimeSeconds").asLong()));
        }
        JsonNode load = appliance.path("load");
        pane.field("CPU", appliance.path("cpus").asInt() + " CPUs, load " + (load.size() > 0
            ? String.format(Locale.ROOT, "%.2f %.2f %.2f", load.path(0).asDouble(), load.path(1).asDouble(), load.path(2).asDouble())
            : "unknown"));
        long total = appliance.path("memory").path("totalBytes").asLong();
        long available = appliance.path("memory").path("availableBytes").asLong();
        if (total > 0) {
            pane.field("Memory", Text.bytes(total - available) + " used of " + Text.bytes(total)
                + String.format(Locale.ROOT, " (%.0f%%)", 100.0 * (total - available) / total));
        }
        JsonNode tls = appliance.path("tls");
        tls(pane, tls.path("fingerprintSha256").asText(null), tls.path("enabled").asBoolean(false));
        ssh(pane, console);
        pane.field("Queued runs", appliance.path("queueLength").asInt());
        firstBoot(pane, console);
    }

    /**
     * Why an appliance-only item is not offered (the daemon does not say it runs on the
     * appliance), naming what it would not do; null on the appliance.
     */
    static String notOnAppliance(Console console, JsonNode appliance, String what) {
        if (appliance.path("onAppliance").asBoolean(false)) {
            return null;
        }
        return "Offered on the appliance only: the daemon at " + console.client().base() + " is not running on the HyperLab"
            + " appliance, so it will not " + what + ".";
    }

    private static void tls(Pane pane, String fingerprint, boolean https) {
        pane.field("TLS SHA-256", !https ? "off: plain HTTP (development)" : fingerprint == null ? "not known here" : fingerprint);
    }

    private static void ssh(Pane pane, Console console) {
        for (LocalFacts.HostKey key : LocalFacts.sshHostKeys(console)) {
            pane.field("SSH " + key.type(), key.fingerprint());
        }
    }

    private static void firstBoot(Pane pane, Console console) {
        String password = LocalFacts.firstBootPassword(console);
        if (password != null) {
            pane.blank().secret("Admin password", password)
                .hint("One-time password of 'admin': change it under Authentication.");
        }
    }

    @Override
    public void activate(Console console) {
        if (console.client().loggedIn()) {
            console.refreshAll();
        } else {
            console.ensureLoggedIn();
        }
    }
}
