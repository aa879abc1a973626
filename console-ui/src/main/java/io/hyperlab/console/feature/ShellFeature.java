package io.hyperlab.console.feature;

import io.hyperlab.console.Console;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Pane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Local command shell: on the appliance, for root only (as xsconsole's), a login shell on this
 * terminal; exit returns to the console. Anywhere else it says why it is not offered.
 */
final class ShellFeature implements Feature {
    /** The appliance image installs HyperLab here; a development checkout does not. */
    static final Path APPLIANCE_MARKER = Path.of("/opt/hyperlab/bin/hyperlab");
    /** Saves the terminal's modes, gives the shell sane ones, and puts the console's back after. */
    static final List<String> SHELL = List.of("/bin/sh", "-c", "saved=$(stty -g); stty sane; clear;"
        + " echo 'HyperLab appliance shell. Type exit to return to the console.'; ${SHELL:-/bin/bash} -l; stty \"$saved\"");

    private final Path marker;
    private final List<String> command;

    ShellFeature() {
        this(APPLIANCE_MARKER, SHELL);
    }

    ShellFeature(Path marker, List<String> command) {
        this.marker = marker;
        this.command = List.copyOf(command);
    }

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Local Command Shell", 90, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Local Command Shell").blank();
        String refusal = refusal();
        if (refusal == null) {
            pane.text("A shell on the appliance as root. Type exit to return here.").blank().hint("Press <Enter> to open it.");
        } else {
            pane.text(refusal);
        }
    }

    @Override
    public void activate(Console console) {
        String refusal = refusal();
        if (refusal != null) {
            console.message("Local Command Shell", refusal);
            return;
        }
        int exit = console.runOutside(command);
        console.announce("Back from the shell (exit code " + exit + ").");
    }

    /** Why the shell is not offered here, or null when it is. */
    String refusal() {
        if (!Files.exists(marker)) {
            return "The local shell is offered on the appliance only; this console runs elsewhere (no " + marker + ").";
        }
        if (uid() != 0) {
            return "The local shell is for root only: it is offered on the appliance's own screen (tty1), where the console runs as root.";
        }
        return null;
    }

    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }
}
