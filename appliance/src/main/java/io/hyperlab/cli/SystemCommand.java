package io.hyperlab.cli;

import io.hyperlab.HyperLabException;
import io.hyperlab.system.SystemHost;
import io.hyperlab.system.SystemRequests;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hyperlab system apply}: the appliance's root helper for what the daemon asks of the system. */
@Command(name = "system", mixinStandardHelpOptions = true,
    description = "The appliance's own system settings, as the daemon asks for them.",
    subcommands = {SystemCommand.Apply.class})
final class SystemCommand {
    /** systemd-networkd's folder on the appliance. */
    static final Path NETWORK_DIR = Path.of("/etc/systemd/network");
    static final Duration APPLY_WAIT = Duration.ofSeconds(30);

    @ParentCommand
    Main main;

    @Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Carry out the requests the daemon left in DATA/system/: network.json (DHCP or a static address, applied with"
            + " systemd-networkd; the outcome in network.result.json) and power (reboot or poweroff).",
            "Run as root on the appliance, by its hyperlab-system.path unit; every request is checked again, each network request"
                + " id is answered once, and power is removed before it is done."})
    static final class Apply implements Runnable {
        @ParentCommand
        SystemCommand system;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter err = spec.commandLine().getErr();
            SystemRequests requests = new SystemRequests(system.main.dataFolder(), NETWORK_DIR, SystemHost.linux(), APPLY_WAIT,
                line -> err.println("hyperlab system: " + line));
            try {
                requests.handle();
            } catch (IOException e) {
                throw new HyperLabException("cannot handle the requests in " + system.main.dataFolder().resolve(SystemRequests.FOLDER)
                    + ": " + e.getMessage(), e);
            }
        }
    }
}
