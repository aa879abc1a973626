package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import io.hyperlab.Version;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status display, on a daemon at its first start (one-time admin password). */
class StatusScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.firstStart();
    static String oneTimePassword;

    @BeforeAll
    static void setUp() throws Exception {
        oneTimePassword = Files.readString(lab.data.resolve("first-boot-password")).strip();
    }

    @Test
    void firstScreenShowsMenuVersionFingerprintAndOneTimePasswordBeforeLogin() {
        try (ScreenDriver screen = lab.open()) {
            String text = screen.waitFor("Admin password");
            for (String item : new String[] {"Status Display", "Authentication", "Network and Management", "Benchmarks", "History"}) {
                assertTrue(text.contains(item), "menu item " + item + " missing:\n" + text);
            }
            assertTrue(screen.lineWith("Version").contains("HyperLab " + Version.current()), text);
            assertTrue(screen.lineWith("Admin password").contains(oneTimePassword), text);
            String fingerprint = lab.daemon.certificate().fingerprint();
            assertTrue(screen.pane().replaceAll("\\s", "").contains(fingerprint),
                "the TLS fingerprint " + fingerprint + " is not on the status screen:\n" + text);
            assertTrue(screen.lines().get(0).contains("not logged in"), text);
            assertTrue(screen.lines().get(23).contains("<Enter> OK") && screen.lines().get(23).contains("<F5> Refresh"), text);
        }
    }

    @Test
    void afterLoginStatusShowsAddressesUptimeCpuAndMemory() {
        try (ScreenDriver screen = lab.open()) {
            screen.logIn(oneTimePassword);
            String text = screen.waitFor("Memory");
            assertTrue(screen.lines().get(0).contains("admin"), text);
            assertTrue(text.contains("Logged in as admin."), text);
            for (String field : new String[] {"Hostname", "IP addresses", "Uptime", "CPU", "Web page", "TLS SHA-256", "Queued runs"}) {
                assertTrue(text.contains(field), field + " missing:\n" + text);
            }
            assertFalse(text.contains(":0:0:"), "IPv6 is shown compressed (fd00::2):\n" + text);
            assertTrue(screen.lineWith("CPU").matches(".*\\d+ CPUs, load [0-9.]+ [0-9.]+ [0-9.]+.*"), text);
            assertTrue(screen.lineWith("Memory").matches(".*used of .*iB \\(\\d+%\\).*"), text);
        }
    }
}
