package io.hyperlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The main screen's frame: the keys, items that need a login, resizing, and quitting. */
class FrameScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    @Test
    void itemsThatNeedLoginSayHowBeforeLogin() {
        try (ScreenDriver screen = lab.open()) {
            screen.select("Benchmarks");
            String text = screen.waitFor("Log in to use this");
            assertTrue(screen.lines().get(2).contains("││Benchmarks"), "the details pane is the highlighted item's:\n" + text);
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

    @Test
    void endsWhenItsTerminalCloses() throws Exception {
        try (ScreenDriver screen = lab.open()) {
            screen.press(KeyType.EOF);
            assertTrue(screen.console.awaitQuit(Duration.ofSeconds(10)), "the console must end with its terminal (an SSH session closed)");
        }
    }

    @Test
    void aFaultInOneScreenIsShownAndTheConsoleGoesOn() {
        Feature faulty = new Feature() {
            @Override
            public Feature.MenuEntry entry() {
                return new Feature.MenuEntry("Faulty", 99, false);
            }

            @Override
            public void status(Pane pane, Console console) {
                pane.title("Faulty");
            }

            @Override
            public void activate(Console console) {
                throw new IllegalStateException("a bug in a screen");
            }
        };
        try (ScreenDriver screen = lab.open(80, 24, java.util.List.of(faulty))) {
            screen.press(KeyType.Enter);
            String text = screen.waitFor("a bug in a screen");
            assertTrue(text.contains("Internal error"), text);
            screen.press(KeyType.Enter).waitUntil(s -> !s.contains("Internal error"), "the message closed");
            screen.press(KeyType.Escape).waitFor("Leave the HyperLab console?");
        }
    }
}
