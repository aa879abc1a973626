package io.hyperlab.cli;

import io.hyperlab.history.History;
import io.hyperlab.report.Export;
import io.hyperlab.report.Exports;
import io.hyperlab.report.ReportFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ReportOutput report;

    @Override
    public Integer call() {
        ReportFormat chosen = report.format(null);
        Export export;
        try (History history = main.openHistory(spec.commandLine().getErr())) {
            export = Exports.of(history, label);
        }
        report.write(chosen, spec.commandLine().getOut(), (f, out) -> f.write(export, out));
        if (report.output != null) {
            spec.commandLine().getOut().println("Exported " + export.runs().size() + (export.runs().size() == 1 ? " run" : " runs")
                + " as " + chosen.id() + " to " + report.output + ".");
        }
        return 0;
    }
}
