package io.hyperlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main screen and the status display, on a daemon at its first start (one-time admin password). */
class StatusScreenTest {
    @TempDir
    static Path data;
    static ConsoleLab lab;
    static String oneTimePassword;

    @BeforeAll
    static void start() throws Exception {
        lab = ConsoleLab.firstStart(data);
        oneTimePassword = Files.readString(data.resolve("first-boot-password")).strip();
    }

    @AfterAll
    static void stop() {
        lab.close();
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
            assertTrue(text.replaceAll("[│\\s]", "").contains(fingerprint.replace(" ", "")),
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
            assertTrue(screen.lineWith("CPU").matches(".*\\d+ CPUs, load [0-9.]+ [0-9.]+ [0-9.]+.*"), text);
            assertTrue(screen.lineWith("Memory").matches(".*used of .*iB \\(\\d+%\\).*"), text);
        }
    }

    @Test
    void itemsThatNeedLoginSayHowBeforeLogin() {
        try (ScreenDriver screen = lab.open()) {
            screen.press(KeyType.ArrowDown, 3);
            String text = screen.waitFor("Log in to use this");
            assertTrue(text.contains("Benchmarks"), text);
            screen.press(KeyType.Enter);
            screen.waitFor("Log in to HyperLab");
            screen.press(KeyType.Escape);
            screen.waitUntil(s -> !s.contains("Log in to HyperLab"), "the login dialog closed");
        }
    }

    @Test
    void redrawsForLargerAndSmallerTerminals() {
        try (ScreenDriver screen = lab.open()) {
            screen.terminal.setTerminalSize(new TerminalSize(120, 40));
            screen.waitUntil(s -> screen.lines().size() == 40 && screen.lines().get(39).contains("<Esc> Quit")
                && screen.lines().get(1).charAt(119) == '┐', "the keys line on row 40 and the details pane up to column 120");
            screen.terminal.setTerminalSize(new TerminalSize(80, 24));
            screen.waitUntil(s -> screen.lines().size() == 24 && screen.lines().get(23).contains("<Esc> Quit")
                && screen.lines().get(2).contains("Status Display") && screen.lines().get(1).charAt(79) == '┐',
                "the menu, the keys line on row 24 and the details pane up to column 80");
            for (String line : screen.lines()) {
                assertEquals(80, line.length());
            }
        }
    }

    @Test
    void escAsksBeforeQuittingAndF8Quits() throws Exception {
        try (ScreenDriver screen = lab.open()) {
            screen.press(KeyType.Escape);
            screen.waitFor("Leave the HyperLab console?");
            screen.press(KeyType.Escape);
            screen.waitUntil(s -> !s.contains("Leave the HyperLab console?"), "the question gone after Esc");
            assertFalse(screen.console.awaitQuit(Duration.ofMillis(200)), "Esc on the question must not quit");
            screen.press(KeyType.Escape);
            screen.waitFor("<F8> Confirm");
            screen.press(KeyType.F8);
            assertTrue(screen.console.awaitQuit(Duration.ofSeconds(10)), "F8 must quit");
        }
    }
}
