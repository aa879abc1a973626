package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Pane;

/**
 * Network and management interface: the appliance's addresses and management URL. Switching
 * between DHCP and a static address is the daemon's to apply to the OS; the daemon does not offer
 * it yet, and the screen says so rather than pretend.
 */
final class NetworkFeature implements Feature {
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
        if (appliance.path("addresses").isEmpty()) {
            pane.field("Addresses", "none");
        }
        for (JsonNode address : appliance.path("addresses")) {
            pane.field(address.path("interface").asText(), address.path("address").asText() + " (" + address.path("family").asText() + ")");
        }
        pane.field("Management URL", appliance.path("url").asText());
        pane.blank().hint("This daemon does not report DNS, gateway or DHCP/static mode, and cannot change them.");
    }

    @Override
    public void activate(Console console) {
        console.message("Network", "Switching between DHCP and a static address is applied by the daemon to the appliance's OS."
            + " The daemon at " + console.client().base() + " does not offer it (it has no network settings in its API).");
    }
}
