package io.hyperlab.cli;

import io.hyperlab.history.History;
import io.hyperlab.report.Export;
import io.hyperlab.report.Exports;
import io.hyperlab.report.ReportFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hyperlab export}: the stored runs with every trial, for another appliance, PTS, a spreadsheet or a mail. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Export finished runs with every trial: json (for hyperlab import), pts (composite.xml), csv, md or html.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;

    @Option(names = "--label", paramLabel = "LABEL", description = "Only the runs with this label (default: every run).")
    String label;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv, md, json, html or pts (composite.xml); table also works.")
    String format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        ReportFormat chosen = ReportOutput.format(format, json, null);
        Export export;
        try (History history = main.openHistory(spec.commandLine().getErr())) {
            export = Exports.of(history, label);
        }
        ReportOutput.write(chosen, output, spec.commandLine().getOut(), (f, out) -> f.write(export, out));
        if (output != null) {
            spec.commandLine().getOut().println("Exported " + export.runs().size() + (export.runs().size() == 1 ? " run" : " runs")
                + " as " + chosen.id() + " to " + output + ".");
        }
        return 0;
    }
}
