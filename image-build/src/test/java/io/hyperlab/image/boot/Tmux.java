package io.hyperlab.image.boot;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A terminal as a person has one: a command (here the OpenSSH client) in its own tmux server at
 * 80x24, keys sent with send-keys and the screen read with capture-pane. {@link #close()} stops
 * that server, and only it (its own socket name).
 */
final class Tmux implements AutoCloseable {
    private static final String SESSION = "boot";
    private final String socket;

    private Tmux(String socket) {
        this.socket = socket;
    }

    /** Starts {@code command} (one shell command line) in a new 80x24 window. */
    static Tmux start(String command) throws IOException, InterruptedException {
        Tmux tmux = new Tmux("hyperlab-boot-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        tmux.tmux("new-session", "-d", "-s", SESSION, "-x", "80", "-y", "24", command);
        tmux.tmux("set-option", "-t", SESSION, "status", "off");
        // Keep the pane when the command ends, so its last screen can still be read.
        tmux.tmux("set-option", "-t", SESSION, "remain-on-exit", "on");
        return tmux;
    }

    /** What the window shows now, rows joined by newlines. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", SESSION);
    }

    /** Whether the command in the window still runs. */
    boolean running() throws IOException, InterruptedException {
        return "0".equals(tmux("display-message", "-p", "-t", SESSION, "#{pane_dead}").trim());
    }

    /** Named keys (Enter, Down, Escape, F8...) in order. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        command.addAll(List.of(keys));
        tmux(command.toArray(String[]::new));
    }

    /** Text typed as it is. */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", SESSION, "-l", text);
    }

    /** Waits until the screen satisfies {@code shown}; the screen then, or an error with the last screen. */
    String await(String what, Duration limit, Predicate<String> shown) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        String screen = "";
        while (Instant.now().isBefore(deadline)) {
            screen = screen();
            if (shown.test(screen)) {
                return screen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the terminal did not show " + what + " within " + limit.toSeconds() + " s; it shows:\n" + screen);
    }

    private String tmux(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(arguments));
        return Tools.run(Duration.ofSeconds(10), command.toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        try {
            Tools.run(Duration.ofSeconds(10), "tmux", "-L", socket, "kill-server");
        } catch (AssertionError e) {
            // Not running any more: nothing to stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
