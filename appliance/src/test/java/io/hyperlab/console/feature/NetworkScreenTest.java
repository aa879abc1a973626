package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The network screen: the addresses the daemon reports, and a plain answer about DHCP/static switching. */
class NetworkScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    @Test
    void showsEveryAddressTheDaemonReportsAndSaysSwitchingIsNotOffered() {
        JsonNode appliance = lab.admin().get("api/v1/appliance");
        try (ScreenDriver screen = lab.loggedIn()) {
            screen.select("Network and Management");
            String text = screen.waitFor("Management URL");
            for (JsonNode address : appliance.path("addresses")) {
                assertTrue(text.contains(address.path("address").asText()), address + " missing:\n" + text);
            }
            assertTrue(text.contains("does not report DNS"), text);
            screen.press(KeyType.Enter);
            screen.waitFor("no network settings in its API");
            screen.press(KeyType.Enter).waitUntil(s -> !s.contains("no network settings in its API"), "the message closed");
        }
    }
}
