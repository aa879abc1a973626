package io.hyperlab.image.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the HyperLab console's screen shows, read as text (tty1's VGA memory, or tmux's capture-pane). */
final class ConsoleScreen {
    /** The first-boot password on the console's status display (a field: name, spaces, value). */
    private static final Pattern PASSWORD = Pattern.compile("Admin password\\s+(\\S{10,})");
    /** Pieces of a SHA-256 fingerprint as the console wraps it over lines of its status pane. */
    private static final Pattern HEX_PAIRS = Pattern.compile("(?:[0-9A-F]{2}:)+(?:[0-9A-F]{2}(?![0-9A-Za-z]))?");

    private ConsoleScreen() {
    }

    /** Whether the console shows a first-boot password. */
    static boolean showsPassword(String rows) {
        return PASSWORD.matcher(rows.replace("\n", "")).find();
    }

    /** The console's own frame: its title bar, first menu item and keys line (the wrapper's waiting screen has none). */
    static boolean isConsole(String screen) {
        return screen.contains("HyperLab console") && screen.contains("Status Display") && screen.contains("<Esc> Quit");
    }

    /** The first-boot password the console shows; fails when it shows none. */
    static String password(String rows) {
        Matcher shown = PASSWORD.matcher(rows.replace("\n", ""));
        assertTrue(shown.find(), "no first-boot password on:\n" + rows);
        return shown.group(1);
    }

    /** The fingerprint in the console's "TLS SHA-256" field, which wraps over the following rows. */
    static String fingerprint(String rows) {
        List<String> lines = rows.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int at = lines.get(i).indexOf("TLS SHA-256");
            if (at < 0) {
                continue;
            }
            StringBuilder fingerprint = new StringBuilder();
            for (int j = i; j < Math.min(lines.size(), i + 4) && fingerprint.length() < 95; j++) {
                Matcher pieces = HEX_PAIRS.matcher(j == i ? lines.get(j).substring(at) : lines.get(j));
                while (pieces.find()) {
                    fingerprint.append(pieces.group());
                }
            }
            if (fingerprint.toString().matches("(?:[0-9A-F]{2}:){31}[0-9A-F]{2}")) {
                return fingerprint.toString();
            }
        }
        throw new AssertionError("no TLS SHA-256 fingerprint on:\n" + rows);
    }
}
