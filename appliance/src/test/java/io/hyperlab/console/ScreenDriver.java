package io.hyperlab.console;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Drives a console on Lanterna's virtual terminal as a person would: presses keys, types text,
 * and reads the screen, waiting (up to a limit) for what should appear.
 *
 * <p>The screen read is the last whole frame: Lanterna writes a refresh cell by cell and flushes
 * once at its end, so the driver copies the terminal at each flush. Reading the cells directly
 * could catch a window half drawn over the menu.
 */
public final class ScreenDriver implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    public final DefaultVirtualTerminal terminal;
    public final Console console;
    private final Frames frames;

    private ScreenDriver(DefaultVirtualTerminal terminal, Console console, Frames frames) {
        this.terminal = terminal;
        this.console = console;
        this.frames = frames;
    }

    public static ScreenDriver start(ConsoleOptions options, DaemonClient client, JsonNode health, int columns, int rows,
                                     List<Feature> features) {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        Frames frames = new Frames(terminal);
        terminal.addVirtualTerminalListener(frames);
        Console console = Console.open(options, client, terminal, features, health);
        ScreenDriver driver = new ScreenDriver(terminal, console, frames);
        driver.waitFor("<Esc> Quit");
        return driver;
    }

    public ScreenDriver press(KeyType... keys) {
        for (KeyType key : keys) {
            terminal.addInput(new KeyStroke(key));
        }
        return this;
    }

    /** Presses a key some times, e.g. Down 3 times. */
    public ScreenDriver press(KeyType key, int times) {
        for (int i = 0; i < times; i++) {
            press(key);
        }
        return this;
    }

    public ScreenDriver type(String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
        return this;
    }

    /** Highlights a menu item by its text, as the product's menu orders it. */
    public ScreenDriver select(String menuText) {
        press(KeyType.ArrowUp, Menu.size());
        return press(KeyType.ArrowDown, Menu.index(menuText));
    }

    /** Erases a text box's content from the caret (at its end) back. */
    public ScreenDriver erase(int characters) {
        return press(KeyType.Backspace, characters);
    }

    /** Empties the focused text box, whatever it held and wherever its caret was. */
    public ScreenDriver clearField() {
        return press(KeyType.End).erase(60);
    }

    /** The screen as lines of text, as the last whole frame left it. */
    public List<String> lines() {
        return frames.last;
    }

    /** The details pane only: each line right of the menu, joined, without the frame's lines. */
    public String pane() {
        StringBuilder pane = new StringBuilder();
        for (String line : lines()) {
            pane.append(line.length() > Frame.MENU_WIDTH ? line.substring(Frame.MENU_WIDTH) : "").append('\n');
        }
        return pane.toString().replaceAll("[│┌┐└┘─]", "");
    }

    public String screen() {
        return String.join("\n", lines());
    }

    /** Waits until the text shows on the screen, even wrapped over lines of a dialog; returns the screen. */
    public String waitFor(String text) {
        String words = flat(text);
        return waitUntil(screen -> screen.contains(text) || flat(screen).contains(words), "'" + text + "'");
    }

    /** The text without frame lines and with every run of spaces and line breaks as one space. */
    static String flat(String text) {
        return text.replaceAll("[│┌┐└┘─]", " ").replaceAll("\\s+", " ");
    }

    public String waitUntil(Predicate<String> condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String screen = screen();
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (condition.test(screen)) {
                return screen;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("the screen did not show " + what + " within " + WAIT.toSeconds() + " s; it shows:\n" + screen);
        return screen;
    }

    /** Whether one line of the screen holds all these texts, e.g. a field's label and its error. */
    public boolean hasLine(String... parts) {
        return lines().stream().anyMatch(line -> java.util.Arrays.stream(parts).allMatch(line::contains));
    }

    /** The line holding the text (the first), for checks on what stands beside it. */
    public String lineWith(String text) {
        return lines().stream().filter(line -> line.contains(text)).findFirst()
            .orElseThrow(() -> new AssertionError("no line with '" + text + "' on:\n" + screen()));
    }

    /** Logs in through the login dialog the highlighted item opens with Enter (from the main menu). */
    public ScreenDriver logIn(String password) {
        press(KeyType.Enter);
        waitFor("Log in to HyperLab");
        press(KeyType.ArrowDown).type(password).press(KeyType.Enter, 2);
        return this;
    }

    @Override
    public void close() {
        console.close();
    }

    /** Copies the terminal's cells at each flush, the end of a refresh (the terminal's lock is held then). */
    private static final class Frames implements VirtualTerminalListener {
        private final DefaultVirtualTerminal terminal;
        private volatile List<String> last = List.of();

        Frames(DefaultVirtualTerminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void onFlush() {
            TerminalSize size = terminal.getTerminalSize();
            List<String> lines = new ArrayList<>(size.getRows());
            for (int row = 0; row < size.getRows(); row++) {
                StringBuilder line = new StringBuilder();
                for (int column = 0; column < size.getColumns(); column++) {
                    line.append(terminal.getCharacter(column, row).getCharacterString());
                }
                lines.add(line.toString());
            }
            last = List.copyOf(lines);
        }

        @Override
        public void onBell() {
        }

        @Override
        public void onClose() {
        }

        @Override
        public void onResized(Terminal terminal, TerminalSize newSize) {
        }
    }
}
