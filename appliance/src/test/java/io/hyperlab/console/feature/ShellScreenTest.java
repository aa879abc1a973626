package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The local shell: refused off the appliance; on it (for root), the terminal goes to the shell and comes back. */
class ShellScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    @Test
    void offTheApplianceTheShellIsRefusedWithTheReason(@TempDir Path nowhere) {
        ShellFeature shell = new ShellFeature(nowhere.resolve("no-appliance"), List.of("/bin/true"));
        try (ScreenDriver screen = lab.open(80, 24, List.of(new StatusFeature(), shell))) {
            screen.logIn(ConsoleLab.PASSWORD).waitFor("Logged in as admin.");
            screen.press(KeyType.ArrowDown).waitFor("offered on the appliance only");
            screen.press(KeyType.Enter).waitFor("OK");
            String text = screen.screen();
            assertTrue(text.contains("Local Command Shell"), text);
        }
    }

    @Test
    void onTheApplianceRootGetsTheShellAndComesBack(@TempDir Path appliance) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the shell is for root only; these tests run as "
            + System.getProperty("user.name"));
        Path marker = Files.createFile(appliance.resolve("hyperlab"));
        Path ran = appliance.resolve("ran");
        ShellFeature shell = new ShellFeature(marker, List.of("/bin/sh", "-c", "echo shell > " + ran + "; exit 3"));
        try (ScreenDriver screen = lab.open(80, 24, List.of(new StatusFeature(), shell))) {
            screen.logIn(ConsoleLab.PASSWORD).waitFor("Logged in as admin.");
            screen.press(KeyType.ArrowDown).waitFor("A shell on the appliance as root");
            screen.press(KeyType.Enter);
            String text = screen.waitFor("Back from the shell (exit code 3).");
            assertEquals("shell", Files.readString(ran).strip());
            assertTrue(text.contains("Status Display") && text.contains("<Esc> Quit"), "the console is drawn again:\n" + text);
        }
    }
}
