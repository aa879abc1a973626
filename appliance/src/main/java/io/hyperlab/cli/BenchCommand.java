package io.hyperlab.cli;

import io.hyperlab.ByteSize;
import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.BenchSettings;
import io.hyperlab.bench.Benchmark;
import io.hyperlab.bench.Benchmarks;
import io.hyperlab.bench.Cancellation;
import io.hyperlab.bench.RunEngine;
import io.hyperlab.bench.RunRequest;
import io.hyperlab.bench.Suite;
import io.hyperlab.bench.TrialLauncher;
import io.hyperlab.bench.TrialPolicy;
import io.hyperlab.bench.cpu.SciMark;
import io.hyperlab.bench.cpu.SciMarkSize;
import io.hyperlab.bench.env.EnvironmentDetector;
import io.hyperlab.bench.env.MemInfo;
import io.hyperlab.bench.memory.RamSpeed;
import io.hyperlab.bench.net.NetworkSettings;
import io.hyperlab.bench.net.Units;
import io.hyperlab.history.History;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.RunStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hyperlab bench}: run a suite, show progress, store every trial, print the results. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a benchmark suite and store it in the history.")
final class BenchCommand implements Callable<Integer> {
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(15);

    @ParentCommand
    Main main;
    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "thesis",
        description = "cpu (SciMark 2.0), memory (RAMspeed INTmem + FLOATmem), network (iperf3 with --peer, both directions) "
            + "or thesis (as the study ran: cpu, memory, and network when --peer is given). Default: ${DEFAULT-VALUE}.")
    String suite;

    @Option(names = "--peer", paramLabel = "HOST[:PORT]",
        description = "The machine the network tests run against: stock iperf3 -s or hyperlab iperf3 --server (port 5201 by default).")
    String peer;

    @Option(names = "--net-time", paramLabel = "SECONDS", defaultValue = "" + NetworkSettings.STUDY_SECONDS,
        description = "Length of each network test. Default: ${DEFAULT-VALUE}, as the study.")
    int netTime;

    @Option(names = "--udp-bitrate", paramLabel = "R", defaultValue = "100M",
        description = "UDP target rate (K, M, G: powers of 1000). Default: ${DEFAULT-VALUE}, as the study.")
    String udpBitrate;

    @Option(names = "--test", paramLabel = "TEST",
        description = "Run only this test of the suite (repeatable): scimark2, ramspeed-integer, ramspeed-float, iperf-tcp, "
            + "iperf-udp, iperf-tcp-reverse, iperf-udp-reverse.")
    List<String> tests = new ArrayList<>();

    @Option(names = "--label", paramLabel = "TEXT",
        description = "Names the machine under test, e.g. \"XenServer VM\" (default: this host's name).")
    String label;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "" + TrialPolicy.DEFAULT_TRIALS,
        description = "Trials per test. Default: ${DEFAULT-VALUE}, as Phoronix; network tests: 5, as the study.")
    int trials;

    @Option(names = "--max-trials", paramLabel = "N",
        description = "Most trials per test when results vary (default: Phoronix's, 2 to 4 times --trials; equal to --trials turns it off).")
    Integer maxTrials;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "" + TrialPolicy.DEFAULT_THRESHOLD,
        description = "%SD at or above which a test gets another trial. Default: ${DEFAULT-VALUE}.")
    double threshold;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "large",
        description = "SciMark problem size: normal (in cache) or large (what Phoronix and the study ran). Default: ${DEFAULT-VALUE}.")
    String size;

    @Option(names = "--min-time", paramLabel = "SECONDS", defaultValue = "" + SciMark.DEFAULT_MIN_SECONDS,
        description = "SciMark minimum time per kernel. Default: ${DEFAULT-VALUE}.")
    double minTime;

    @Option(names = "--threads", paramLabel = "N",
        description = "RAMspeed workers, each with its own arrays (default: one per CPU).")
    Integer threads;

    @Option(names = "--array-size", paramLabel = "SIZE", defaultValue = "32MiB",
        description = "RAMspeed size of each array, e.g. 32MiB or 64MB. Default: ${DEFAULT-VALUE}.")
    String arraySize;

    @Option(names = "--pass-size", paramLabel = "SIZE", defaultValue = "8GiB",
        description = "RAMspeed bytes each worker sweeps per operation. Default: ${DEFAULT-VALUE}.")
    String passSize;

    @Option(names = "--list", description = "List the suites and tests, then exit.")
    boolean list;

    @Option(names = "--json", description = "Print the stored run as JSON (progress still goes to standard error).")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            printList(out);
            return 0;
        }
        EnvironmentDetector detector = EnvironmentDetector.local();
        Suite chosen = Suite.parse(suite);
        if (chosen == Suite.NETWORK && peer == null) {
            throw new InvalidInputException("suite network needs --peer HOST[:PORT]: a machine running iperf3 -s or hyperlab iperf3 --server");
        }
        RunRequest request = new RunRequest(
            chosen,
            tests,
            label != null ? label : defaultLabel(detector),
            new TrialPolicy(trials, maxTrials, threshold),
            new BenchSettings(SciMarkSize.parse(size), minTime,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                ByteSize.parse(arraySize), ByteSize.parse(passSize), network()));
        List<String> skipped = chosen.tests().stream().filter(b -> b.needsPeer() && !request.tests().contains(b.name()))
            .map(Benchmark::name).toList();
        if (tests.isEmpty() && !skipped.isEmpty()) {
            err.println("Note: network tests skipped (" + String.join(", ", skipped) + "): they need --peer HOST[:PORT]");
            err.flush();
        }
        RunEngine engine;
        RunRecord record;
        try (History history = main.openHistory(err)) {
            engine = new RunEngine(history, TrialLauncher.sameJvm(), detector, MemInfo.local());
            engine.validate(request);
            record = runStoppableWithCtrlC(engine, request, err);
        }
        if (json) {
            Output.json(out, record);
        } else {
            out.println();
            out.print(RunReport.render(record, false));
        }
        return switch (record.run().status()) {
            case COMPLETED -> 0;
            case CANCELLED -> Main.EXIT_CANCELLED;
            default -> 1;
        };
    }

    /** Ctrl-C cancels the run (killing the trial's process); the JVM waits until the engine has stored it as cancelled. */
    private static RunRecord runStoppableWithCtrlC(RunEngine engine, RunRequest request, PrintWriter err) {
        Cancellation cancellation = new Cancellation();
        return CtrlC.stoppable("hyperlab-cancel", cancellation::cancel, CANCEL_WAIT, () -> {
            RunRecord record = engine.run(request, new TerminalProgress(err), cancellation);
            if (record.run().status() == RunStatus.CANCELLED) {
                err.println("Cancelled; the " + record.run().trials() + " completed trials are kept in run " + record.run().id() + ".");
                err.flush();
            }
            return record;
        });
    }

    /** The peer and knobs of the network tests, or null without --peer; an explicit --trials applies to them too. */
    private NetworkSettings network() {
        if (peer == null) {
            return null;
        }
        boolean trialsGiven = spec.commandLine().getParseResult().hasMatchedOption("--trials");
        return NetworkSettings.parsePeer(peer).with(netTime, Units.parseRate(udpBitrate),
            trialsGiven ? trials : NetworkSettings.STUDY_TRIALS);
    }

    private static String defaultLabel(EnvironmentDetector detector) {
        String hostname = detector.detect().hostname();
        return hostname == null ? "this machine" : hostname;
    }

    private static void printList(PrintWriter out) {
        Table suites = new Table("Suite", "Tests", "What");
        for (Suite s : Suite.values()) {
            suites.add(s.id(), String.join(", ", s.tests().stream().map(Benchmark::name).toList()), s.description);
        }
        out.print(suites.render(""));
        out.println();
        Table tests = new Table("Test", "Benchmark", "Metrics");
        for (Benchmark b : Benchmarks.all()) {
            tests.add(b.name(), b.title(), String.join(", ", b.metrics().stream().map(m -> m.name() + " (" + m.unit() + ")").toList()));
        }
        out.print(tests.render(""));
        out.println();
        out.println("RAMspeed defaults: " + ByteSize.format(RamSpeed.DEFAULT_ARRAY_BYTES) + " arrays, "
            + ByteSize.format(RamSpeed.DEFAULT_PASS_BYTES) + " per pass, one worker per CPU.");
    }
}
