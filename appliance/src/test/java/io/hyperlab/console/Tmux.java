package io.hyperlab.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tmux server of its own (its own socket, so other tmux users on the machine are untouched)
 * running one program in a window of a fixed size, with keys to send and the screen to read.
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private final String session = "console";

    private Tmux(String socket) {
        this.socket = socket;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the command in a shell in a window of that size, without a status line. */
    static Tmux start(Path config, String command, int columns, int rows) throws IOException, InterruptedException {
        Files.writeString(config, "set -g status off\nset -g default-terminal screen\n");
        Tmux tmux = new Tmux("hyperlab-e2e-" + ProcessHandle.current().pid());
        tmux.run("-f", config.toString(), "new-session", "-d", "-s", tmux.session, "-x", Integer.toString(columns), "-y",
            Integer.toString(rows), command);
        return tmux;
    }

    /** Keys by tmux's names: Enter, Down, Up, Escape, F8, BSpace. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", session, "-l", text);
    }

    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", session);
    }

    void resize(int columns, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", session, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Stops this tmux server and whatever still runs in it. */
    @Override
    public void close() {
        try {
            run("kill-server");
        } catch (IOException e) {
            // Already gone: the program ended and the server with it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
