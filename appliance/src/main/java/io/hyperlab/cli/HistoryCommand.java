package io.hyperlab.cli;

import io.hyperlab.InvalidInputException;
import io.hyperlab.history.History;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hyperlab history list|show|delete}: the runs stored in the history. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List, show and delete stored runs.",
    subcommands = {HistoryCommand.ListRuns.class, HistoryCommand.ShowRun.class, HistoryCommand.DeleteRun.class})
final class HistoryCommand {
    @ParentCommand
    Main main;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every run, oldest first.")
    static final class ListRuns implements Runnable {
        @ParentCommand
        HistoryCommand history;
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<RunInfo> runs;
            try (History store = history.main.openHistory(spec.commandLine().getErr())) {
                runs = store.listRuns();
            }
            if (json) {
                Output.json(out, runs);
                return;
            }
            if (runs.isEmpty()) {
                out.println("No runs yet. Start one with: hyperlab bench");
                return;
            }
            Table table = new Table(">Run", "Started", "Suite", "Label", "Status", ">Trials");
            for (RunInfo run : runs) {
                table.add(run.id(), Format.time(run.startedAt()), run.suite(), run.label(), run.status().id(), run.trials());
            }
            out.print(table.render(""));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a run: environment, statistics and every trial.")
    static final class ShowRun implements Runnable {
        @ParentCommand
        HistoryCommand history;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "RUN", description = "The run's number, as history list shows it.")
        String run;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public void run() {
            RunRecord record;
            try (History store = history.main.openHistory(spec.commandLine().getErr())) {
                record = store.run(runId(run));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Output.json(out, record);
            } else {
                out.print(RunReport.render(record, true));
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a run with its trials.")
    static final class DeleteRun implements Runnable {
        @ParentCommand
        HistoryCommand history;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "RUN", description = "The run's number, as history list shows it.")
        String run;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public void run() {
            long id = runId(run);
            try (History store = history.main.openHistory(spec.commandLine().getErr())) {
                store.deleteRun(id);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Output.json(out, Map.of("deleted", id));
            } else {
                out.println("Deleted run " + id + ".");
            }
        }
    }

    static long runId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new InvalidInputException("'" + text + "' is not a run number: use a whole number from 1, as 'hyperlab history list' shows");
    }
}
