package io.hyperlab.cli;

import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Version;
import io.hyperlab.history.History;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * The {@code hyperlab} command. Exit codes: 0 success, 1 failure, 2 bad usage or input,
 * 130 cancelled with Ctrl-C.
 */
@Command(name = "hyperlab",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "HyperLab: set up XenServer and KVM hosts and measure what each costs you.",
    subcommands = {BenchCommand.class, HistoryCommand.class, CompareCommand.class, ExportCommand.class, ImportCommand.class,
        IperfCommand.class, HostCommand.class, VmCommand.class, IsoLibraryCommand.class, NetworkCommand.class, ActionsCommand.class,
        ServeCommand.class, ConsoleCommand.class, SystemCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    static final int EXIT_CANCELLED = 130;
    static final String DATA_ENV = "HYPERLAB_DATA";

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
        description = "Folder of the history database (default: $" + DATA_ENV + ", else ./data).")
    Path data;

    /**
     * Whether this JVM runs one command and then ends (the launcher), rather than hosting many
     * (the tests): only then may a command change what belongs to the whole process.
     */
    static volatile boolean ownsProcess;

    public static void main(String[] args) {
        ownsProcess = true;
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int exit = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(exit);
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("hyperlab: " + e.getMessage());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            PrintWriter errors = command.getErr();
            if (e instanceof CancellationException) {
                return EXIT_CANCELLED;
            }
            if (e instanceof InvalidInputException) {
                errors.println("hyperlab: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (e instanceof HyperLabException) {
                errors.println("hyperlab: " + e.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            }
            errors.println("hyperlab: internal error: " + e);
            e.printStackTrace(errors);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli.execute(args);
    }

    /** The history folder: --data, else $HYPERLAB_DATA, else ./data. */
    Path dataFolder() {
        if (data != null) {
            return data;
        }
        String fromEnvironment = System.getenv(DATA_ENV);
        return fromEnvironment == null || fromEnvironment.isBlank() ? Path.of("data") : Path.of(fromEnvironment);
    }

    /** Opens the history, telling the user about runs it found abandoned by a killed process. */
    History openHistory(PrintWriter err) {
        History history = History.openIn(dataFolder());
        for (long run : history.recoveredRuns()) {
            err.println("hyperlab: run " + run + " was left running by a process that ended; it is now marked interrupted"
                + " and keeps the trials it completed");
        }
        return history;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"HyperLab " + Version.current()};
        }
    }
}
