package io.hyperlab.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import io.hyperlab.console.feature.Features;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Starts the console: checks that the daemon answers (and is trusted) before taking the
 * screen, so a missing daemon is a plain message with the command that starts it; then runs
 * the console until the user quits. The appliance's {@code hyperlab console} calls this.
 */
public final class ConsoleMain {
    /** The path of the resource the status screen shows before login. */
    public static final String HEALTH = "api/v1/health";

    private ConsoleMain() {
    }

    /** The options from the command line: the URL as typed (else $HYPERLAB_URL, else the local daemon). */
    public static ConsoleOptions options(String url, Path data, String fingerprint) {
        String chosen = url;
        if (chosen == null || chosen.isBlank()) {
            String fromEnvironment = System.getenv(ConsoleOptions.URL_ENV);
            chosen = fromEnvironment == null || fromEnvironment.isBlank() ? ConsoleOptions.DEFAULT_URL : fromEnvironment;
        }
        return new ConsoleOptions(ConsoleOptions.parseUrl(chosen), data, fingerprint, defaultSettingsFile());
    }

    /** Runs the console on this process's terminal until the user quits; returns the exit code. */
    public static int run(ConsoleOptions options) {
        DaemonClient client = DaemonClient.connect(options);
        JsonNode health = client.get(HEALTH);
        Terminal terminal;
        try {
            terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .createTerminal();
        } catch (IOException e) {
            throw new ConsoleException("cannot open this terminal for the console: " + e.getMessage(), false, e);
        }
        try (Console console = start(options, client, terminal, health)) {
            console.awaitQuit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Starts the console on a terminal (a real one, or a virtual one in tests) with the daemon's health already read. */
    public static Console start(ConsoleOptions options, DaemonClient client, Terminal terminal, JsonNode health) {
        return Console.open(options, client, terminal, Features.all(), health);
    }

    private static Path defaultSettingsFile() {
        String config = System.getenv("XDG_CONFIG_HOME");
        Path folder = config != null && !config.isBlank() ? Path.of(config) : Path.of(System.getProperty("user.home"), ".config");
        return folder.resolve("hyperlab").resolve("console.properties");
    }
}
