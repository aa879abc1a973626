package io.hyperlab.cli;

import io.hyperlab.history.History;
import io.hyperlab.report.Comparison;
import io.hyperlab.report.Comparisons;
import io.hyperlab.report.ReportFormat;
import io.hyperlab.report.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hyperlab compare}: labels, runs or the study's published results side by side, with what is beyond noise. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compare labels, runs or a built-in reference per test and metric.",
        "The first side given is the baseline; each other side's difference is in percent of its mean,"
            + " tested with Welch's t-test."})
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;

    @Option(names = "--label", paramLabel = "LABEL", description = "A side: every run with this label, pooled (repeatable).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--run", paramLabel = "RUN", description = "A side: one run, by number (repeatable).")
    List<String> runs = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "NAME[:SIDE]",
        description = "The published results of a built-in reference: thesis-2021 (both its sides), or thesis-2021:xenserver or :kvm.")
    List<String> references = new ArrayList<>();

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "" + Comparisons.DEFAULT_ALPHA,
        description = "Significance level: a difference with p below it is better or worse, else within noise. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Mixin
    ReportOutput report;

    @Override
    public Integer call() {
        ReportFormat chosen = report.format("table");
        Comparison comparison;
        try (History history = main.openHistory(spec.commandLine().getErr())) {
            comparison = Comparisons.compare(history, sidesInOrder(), alpha);
        }
        report.write(chosen, spec.commandLine().getOut(), (f, out) -> f.write(comparison, out));
        if (report.output != null) {
            spec.commandLine().getOut().println("Wrote the comparison of " + comparison.sides().size() + " sides as " + chosen.id() + " to " + report.output + ".");
        }
        return 0;
    }

    /** The sides in the order they were typed, so that the first one typed is the baseline. */
    private List<Side> sidesInOrder() {
        List<Side> sides = new ArrayList<>();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int start = args.indexOf(spec.name()) + 1;
        for (int i = start; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (!List.of("--label", "--run", "--reference").contains(name)) {
                continue;
            }
            String value = equals > 0 ? arg.substring(equals + 1) : args.get(++i);
            sides.add(switch (name) {
                case "--label" -> new Side.Label(value);
                case "--run" -> new Side.Run(HistoryCommand.runId(value));
                default -> Side.Reference.parse(value);
            });
        }
        if (sides.size() != labels.size() + runs.size() + references.size()) {
            throw new IllegalStateException("the sides " + sides + " do not match the options given");
        }
        return sides;
    }
}
