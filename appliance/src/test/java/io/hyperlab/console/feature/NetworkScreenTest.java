package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.appliance.RootHelper;
import io.hyperlab.appliance.RootHelperStandIn;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The network screen against a development daemon (it shows the network and says why it will
 * not change it) and against the appliance's daemon, whose root helper the test plays: the
 * DHCP/static form checks each field, shows the daemon's refusals beside their fields, keeps
 * what was typed, and follows the change until the helper answers.
 */
class NetworkScreenTest {
    @RegisterExtension
    static final ConsoleLab dev = ConsoleLab.https();
    @RegisterExtension
    static final ConsoleLab appliance = ConsoleLab.appliance();

    @Test
    void aDevelopmentDaemonsNetworkIsShownButNotChanged() {
        JsonNode network = dev.admin().get("api/v1/appliance").path("network");
        try (ScreenDriver screen = dev.loggedIn()) {
            screen.select("Network and Management");
            String pane = screen.waitFor("Management URL");
            for (String field : new String[] {"Mode", "Interface", "Gateway", "DNS"}) {
                assertTrue(pane.contains(field), field + " missing:\n" + pane);
            }
            if (network.hasNonNull("gateway")) {
                assertTrue(pane.contains(network.get("gateway").asText()), pane);
            }
            for (JsonNode link : network.path("interfaces")) {
                for (JsonNode address : link.path("addresses")) {
                    if (!address.asText().startsWith("fe80:")) {
                        assertTrue(pane.contains(address.asText()), address + " missing:\n" + pane);
                    }
                }
            }
            assertFalse(pane.contains(":0:0:"), "IPv6 is shown compressed (fd00::2):\n" + pane);
            JsonNode first = network.path("interfaces").path(0);
            assertTrue(pane.contains(first.path("name").asText()) && pane.contains(first.path("mac").asText()), pane);
            screen.waitFor("Offered on the appliance only");
            screen.press(KeyType.Enter);
            screen.waitFor("is not running on the HyperLab appliance, so it will not change this machine's network.");
            screen.press(KeyType.Enter).waitUntil(s -> !s.contains("<  OK  >"), "the message closed");
        }
        assertFalse(Files.exists(dev.data.resolve(RootHelper.FOLDER)));
    }

    @Test
    void aStaticAddressIsCheckedFieldByFieldThenAppliedByTheHelper() throws Exception {
        String nic = appliance.admin().get("api/v1/appliance").path("network").path("interface").asText();
        try (ScreenDriver screen = openForm()) {
            screen.press(KeyType.Enter).press(KeyType.ArrowDown).press(KeyType.Enter);
            screen.waitUntil(s -> screen.lineWith("Mode:").contains("static"), "static chosen");
            screen.press(KeyType.ArrowDown, 2).clearField().type("10.0.0.5")
                .press(KeyType.ArrowDown).clearField().type("10.0.0.1")
                .press(KeyType.ArrowDown).clearField().type("10.0.0.1, 8.8.8.x")
                .press(KeyType.ArrowDown).press(KeyType.Enter);
            String text = screen.waitFor("Correct the fields marked");
            assertTrue(screen.hasLine("Address/prefix:", "10.0.0.5", "write A.B.C.D/N"), text);
            assertTrue(screen.hasLine("DNS servers:", "'8.8.8.x' is not an IPv4"), text);

            // Sound to the console, refused by the daemon: the gateway is off the address's network.
            screen.clearField().type("10.0.0.5/24").press(KeyType.ArrowDown, 2).clearField().type("10.0.0.1")
                .press(KeyType.ArrowUp).clearField().type("10.0.1.1").press(KeyType.ArrowDown, 2).press(KeyType.Enter);
            text = screen.waitFor("Not done: see the field marked.");
            assertTrue(screen.hasLine("Gateway:", "10.0.1.1", "the gateway 10.0.1.1 is not"), text);
            assertTrue(screen.hasLine("Address/prefix:", "10.0.0.5/24") && screen.hasLine("DNS servers:", "10.0.0.1"), "typed values stay:\n" + text);

            // Only the daemon knows this machine's interfaces.
            screen.clearField().type("10.0.0.1").press(KeyType.ArrowUp, 2).clearField().type("ens99x").press(KeyType.ArrowDown, 4)
                .press(KeyType.Enter);
            screen.waitUntil(s -> screen.hasLine("Interface:", "ens99x", "there is no network"), "the daemon's refusal beside Interface");
            assertFalse(Files.exists(appliance.data.resolve(RootHelper.FOLDER).resolve(RootHelper.NETWORK_REQUEST)), "nothing written yet");

            screen.clearField().type(nic).press(KeyType.ArrowDown, 4).press(KeyType.Enter);
            JsonNode request = helper().awaitNetworkRequest();
            assertEquals("static", request.path("mode").asText());
            assertEquals(nic, request.path("interface").asText());
            assertEquals("10.0.0.5/24", request.path("address").asText());
            assertEquals("10.0.0.1", request.path("gateway").asText());
            assertEquals("[\"10.0.0.1\"]", request.path("dns").toString());
            screen.waitFor("Working: set the appliance's network to static 10.0.0.5/24 on " + nic);
            helper().answer(request.path("requestId").asText(), true, null);
            screen.waitFor("static 10.0.0.5/24 on " + nic + ": succeeded.");
            screen.waitFor("applied");
        }
    }

    @Test
    void dhcpIsAskedAloneAndTheHelpersRefusalIsShown() throws Exception {
        try (ScreenDriver screen = openForm()) {
            screen.press(KeyType.Enter).press(KeyType.ArrowUp).press(KeyType.Enter);
            screen.waitUntil(s -> screen.lineWith("Mode:").contains("dhcp"), "dhcp chosen");
            screen.press(KeyType.ArrowDown).clearField().type("-not checked for dhcp-");
            screen.press(KeyType.ArrowDown, 4).press(KeyType.Enter);
            screen.waitFor("Correct the field marked");
            screen.clearField().press(KeyType.ArrowDown, 4).press(KeyType.Enter);
            JsonNode request = helper().awaitNetworkRequest();
            assertEquals("dhcp", request.path("mode").asText());
            assertEquals(2, request.size(), request.toString());
            helper().answer(request.path("requestId").asText(), false, "networkctl reconfigure failed");
            screen.waitFor("networkctl reconfigure failed");
            screen.waitFor("set the appliance's network to DHCP: failed.");
        }
    }

    private static RootHelperStandIn helper() {
        return new RootHelperStandIn(appliance.data);
    }

    private static ScreenDriver openForm() {
        ScreenDriver screen = appliance.loggedIn();
        screen.select("Network and Management").waitFor("Press <Enter> to switch between DHCP and a static address.");
        screen.press(KeyType.Enter).waitFor("Network settings");
        return screen;
    }
}
