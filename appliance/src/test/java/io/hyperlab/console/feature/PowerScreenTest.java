package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.appliance.RootHelper;
import io.hyperlab.appliance.RootHelperStandIn;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reboot or shut down: refused with the reason by a development daemon; on the appliance, asked with F8 and handed to the root helper. */
class PowerScreenTest {
    @RegisterExtension
    static final ConsoleLab dev = ConsoleLab.https();
    @RegisterExtension
    static final ConsoleLab appliance = ConsoleLab.appliance();

    @Test
    void aDevelopmentDaemonSaysWhyItWillNotPowerOffItsMachine() {
        try (ScreenDriver screen = dev.loggedIn()) {
            screen.select("Reboot or Shut Down");
            screen.waitFor("Offered on the appliance only");
            screen.press(KeyType.Enter);
            screen.waitFor("is not running on the HyperLab appliance, so it will not reboot or");
            screen.waitFor("<  OK  >");
        }
        assertFalse(Files.exists(dev.data.resolve(RootHelper.FOLDER)));
    }

    @Test
    void onTheApplianceEscapeCancelsAndF8RebootsThroughTheHelper() throws Exception {
        RootHelperStandIn helper = new RootHelperStandIn(appliance.data);
        try (ScreenDriver screen = appliance.loggedIn()) {
            screen.select("Reboot or Shut Down").waitFor("Reboot the appliance, or shut it down.");
            screen.press(KeyType.Enter).waitFor("Shut down");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).waitFor("Shut down the appliance?");
            screen.waitFor("<F8> Confirm");
            screen.press(KeyType.Escape).waitUntil(s -> !s.contains("Shut down the appliance?"), "the question closed");
            assertNull(helper.powerRequest(), "nothing asked after Esc");

            screen.press(KeyType.Enter).waitFor("Shut down");
            screen.press(KeyType.Enter).waitFor("Reboot the appliance?");
            screen.press(KeyType.F8).waitFor("The appliance is rebooting.");
            assertEquals("reboot\n", helper.powerRequest());
        }
        String actions = appliance.admin().get("api/v1/actions").toString();
        assertEquals(1, actions.split("appliance reboot", -1).length - 1, actions);
    }
}
