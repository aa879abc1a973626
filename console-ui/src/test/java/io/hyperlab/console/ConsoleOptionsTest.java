package io.hyperlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code hyperlab console --url/--fingerprint} accepts. */
class ConsoleOptionsTest {
    @Test
    void urlsGetATrailingSlashAndKeepTheirPort() {
        assertEquals(URI.create("https://lab:8443/"), ConsoleOptions.parseUrl("https://lab:8443"));
        assertEquals(URI.create("https://[::1]:8443/"), ConsoleOptions.parseUrl(" https://[::1]:8443/ "));
        assertEquals(URI.create("http://127.0.0.1:8080/"), ConsoleOptions.parseUrl("http://127.0.0.1:8080"));
        assertEquals(URI.create("http://localhost:8080/"), ConsoleOptions.parseUrl("http://localhost:8080/"));
    }

    @Test
    void refusesWhatIsNotADaemonAddressAndPlainHttpAcrossTheNetwork() {
        for (String bad : new String[] {"lab:8443", "ftp://lab/", "https://", "https://lab/?x=1", "https://user@lab/", "http://192.0.2.1/",
            "http://lab.example/", "not a url at all"}) {
            ConsoleException refused = assertThrows(ConsoleException.class, () -> ConsoleOptions.parseUrl(bad), bad);
            assertTrue(refused.badUsage(), bad);
            assertTrue(refused.getMessage().contains("--url '" + bad + "'"), refused.getMessage());
        }
    }

    @Test
    void fingerprintsAreNormalisedOrRefused() {
        String hex = "ab".repeat(32);
        String expected = String.join(":", java.util.Collections.nCopies(32, "AB"));
        assertEquals(expected, ConsoleOptions.normalFingerprint(hex));
        assertEquals(expected, ConsoleOptions.normalFingerprint(expected.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(expected, ConsoleOptions.normalFingerprint("SHA256=" + expected));
        ConsoleException refused = assertThrows(ConsoleException.class, () -> new ConsoleOptions(URI.create("https://lab/"),
            Path.of("data"), "AB:CD", Path.of("settings")));
        assertTrue(refused.getMessage().contains("64 hex digits"), refused.getMessage());
    }
}
