package io.hyperlab.cli;

import io.hyperlab.history.History;
import io.hyperlab.report.ImportResult;
import io.hyperlab.report.Importer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hyperlab import FILE}: runs from a PTS composite.xml or a HyperLab JSON export, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Import runs from a Phoronix Test Suite composite.xml or a HyperLab JSON export.",
        "SciMark and RAMspeed results become HyperLab's tests; other PTS tests are kept as they are.",
        "A file already imported is refused (nothing is stored) unless --skip-existing."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "composite.xml, or a file written by hyperlab export --format json.")
    Path file;

    @Option(names = "--label", paramLabel = "LABEL", description = "Label for the run of a one-run file (default: the file's name for it).")
    String label;

    @Option(names = "--skip-existing", description = "Leave out runs already in the history instead of refusing the file.")
    boolean skipExisting;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        ImportResult result;
        try (History history = main.openHistory(spec.commandLine().getErr())) {
            result = Importer.importFile(history, file, label, skipExisting);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, result);
            return 0;
        }
        out.println("Imported " + result.runs().size() + (result.runs().size() == 1 ? " run" : " runs") + " from " + result.file()
            + (result.format().equals("pts") ? " (Phoronix Test Suite)" : " (HyperLab export)")
            + (result.skipped() > 0 ? "; left out " + result.skipped() + " already in the history" : "") + ".");
        for (ImportResult.Run run : result.runs()) {
            out.println("  run " + run.id() + " \"" + run.label() + "\": " + String.join(", ", run.tests()));
        }
        out.println("Tests HyperLab knows: " + String.join(", ", result.mappedTests()));
        if (!result.keptTests().isEmpty()) {
            out.println("Other tests, kept as they are (" + result.keptTests().size() + "): " + String.join(", ", result.keptTests()));
        }
        return 0;
    }
}
