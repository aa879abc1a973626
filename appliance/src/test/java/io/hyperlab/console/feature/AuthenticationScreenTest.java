package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.DaemonClient;
import io.hyperlab.console.DaemonError;
import io.hyperlab.console.ScreenDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logging in and out, the password change and the auto-logout time, with bad input in every field. */
class AuthenticationScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    /** The Authentication item, highlighted. */
    private static ScreenDriver openAuthentication() {
        ScreenDriver screen = lab.open();
        screen.select("Authentication");
        screen.waitFor("Logged in as    nobody");
        return screen;
    }

    @Test
    void wrongPasswordIsRefusedAndWhatWasTypedStays() {
        try (ScreenDriver screen = openAuthentication()) {
            screen.press(KeyType.Enter).waitFor("Log in to HyperLab");
            screen.erase(5).type("nobody-here").press(KeyType.ArrowDown).type("not the password").press(KeyType.Enter, 2);
            String text = screen.waitFor("wrong user name or password");
            assertTrue(screen.lineWith("User:").contains("nobody-here"), text);
            assertTrue(screen.lineWith("Password:").contains("****************"), text);
            assertFalse(lab.log().contains("not the password"), "the password must not reach the daemon's log");
        }
    }

    @Test
    void emptyAndTooLongFieldsShowTheirErrorBesideTheFieldBeforeAnythingIsSent() {
        try (ScreenDriver screen = openAuthentication()) {
            screen.press(KeyType.Enter).waitFor("Log in to HyperLab");
            screen.erase(5).press(KeyType.ArrowDown).press(KeyType.Enter, 2);
            String text = screen.waitFor("Correct the fields marked");
            assertTrue(screen.lineWith("User:").contains("required"), text);
            assertTrue(screen.lineWith("Password:").contains("required"), text);
            screen.press(KeyType.ArrowUp, 2).type("x".repeat(65)).press(KeyType.ArrowDown).type("pw")
                .press(KeyType.Enter, 2);
            text = screen.waitFor("too long: 65 characters");
            assertTrue(screen.lineWith("too long").contains("User:"), text);
        }
    }

    @Test
    void logsInShowsTheUserAndLogsOut() {
        try (ScreenDriver screen = openAuthentication()) {
            screen.press(KeyType.Enter).waitFor("Log in to HyperLab");
            screen.press(KeyType.ArrowDown).type(ConsoleLab.PASSWORD).press(KeyType.Enter, 2);
            String text = screen.waitFor("Logged in as    admin");
            assertTrue(screen.lines().get(0).contains("admin"), text);
            screen.press(KeyType.Enter).waitFor("Change password");
            screen.press(KeyType.Enter);
            text = screen.waitFor("Logged in as    nobody");
            assertTrue(text.contains("Logged out."), text);
            assertFalse(screen.console.client().loggedIn());
        }
    }

    @Test
    void changePasswordChecksEveryFieldThenChangesIt() throws Exception {
        try (ScreenDriver screen = openAuthentication()) {
            screen.logIn(ConsoleLab.PASSWORD).waitFor("Logged in as    admin");
            screen.press(KeyType.Enter).waitFor("Change password");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).waitFor("New password again");

            screen.type("wrong current").press(KeyType.ArrowDown).type("short").press(KeyType.ArrowDown).type("short")
                .press(KeyType.Enter, 2);
            String text = screen.waitFor("too short: 5 characters,");
            assertTrue(screen.lineWith("too short").contains("New password:"), text);

            screen.erase(5).type("a new password 1").press(KeyType.ArrowDown).erase(5).type("a new password 2").press(KeyType.Enter, 2);
            text = screen.waitFor("differs from the new");
            assertTrue(screen.lineWith("differs").contains("New password again:"), text);

            screen.erase(1).type("1").press(KeyType.Enter, 2);
            text = screen.waitFor("the current password");
            assertTrue(screen.lineWith("the current password").contains("Current password:"), text);

            screen.erase("wrong current".length()).type(ConsoleLab.PASSWORD).press(KeyType.Enter, 4);
            screen.waitFor("Password changed.");
        }
        DaemonClient fresh = DaemonClient.connect(lab.options());
        DaemonError refused = assertThrows(DaemonError.class, () -> fresh.login("admin", ConsoleLab.PASSWORD));
        assertEquals(401, refused.status());
        fresh.login("admin", "a new password 1");
        fresh.post("api/v1/account/password", java.util.Map.of("current", "a new password 1", "new", ConsoleLab.PASSWORD));
    }

    @Test
    void autoLogoutTimeIsCheckedKeptAndLogsOutWhenNoKeyIsPressed() throws Exception {
        try (ScreenDriver screen = openAuthentication()) {
            screen.logIn(ConsoleLab.PASSWORD).waitFor("Logged in as    admin");
            screen.press(KeyType.Enter).waitFor("Auto-logout time");
            screen.press(KeyType.ArrowDown, 2).press(KeyType.Enter).waitFor("Minutes:");
            for (String[] bad : new String[][] {{"", "required: a whole number"}, {"ten", "'ten' is not a whole number"},
                {"0", "out of range: use 1 to 1440"}, {"1441", "out of range: use 1 to 1440"}}) {
                screen.erase(8).type(bad[0]).press(KeyType.Enter, 2);
                java.util.regex.Pattern beside = java.util.regex.Pattern.compile(".*Minutes:\\s+" + java.util.regex.Pattern.quote(bad[0])
                    + "\\s+" + java.util.regex.Pattern.quote(bad[1]) + ".*");
                screen.waitUntil(s -> s.lines().anyMatch(line -> beside.matcher(line).matches()), "'" + bad[1] + "' beside Minutes: " + bad[0]);
            }
            screen.erase(8).type("25").press(KeyType.Enter, 2);
            screen.waitFor("Auto-logout set to 25 min.");
            assertEquals("25", java.util.Properties.class.cast(load(lab.options().settingsFile())).getProperty("autoLogoutMinutes"));
            screen.waitFor("after 25 min without a key press");

            screen.console.settings().autoLogoutAfter(Duration.ofSeconds(2));
            // The message line comes up a frame before the pane is drawn again: wait for both.
            screen.waitUntil(s -> s.contains("Logged out after 0 min without a key press.") && s.contains("Logged in as    nobody"),
                "the logout message and the pane showing nobody logged in");
            assertFalse(screen.console.client().loggedIn());
        }
    }

    private static java.util.Properties load(Path file) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
