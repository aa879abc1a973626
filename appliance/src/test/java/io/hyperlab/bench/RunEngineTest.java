package io.hyperlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.BenchmarkFailure;
import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.cpu.SciMark;
import io.hyperlab.bench.cpu.SciMarkSize;
import io.hyperlab.bench.env.EnvironmentDetector;
import io.hyperlab.bench.env.MemInfo;
import io.hyperlab.history.History;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with real trial processes and a real SQLite history. */
class RunEngineTest {
    private static final BenchSettings QUICK = new BenchSettings(SciMarkSize.NORMAL, 0.01, 2, 1 << 20, 16 << 20);

    @TempDir
    Path folder;
    private History history;

    @BeforeEach
    void open() {
        history = History.open(folder.resolve("history.db"));
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void completedRunStoresEveryTrialWithItsEnvironment() {
        RunRecord record = engine(TrialLauncher.sameJvm()).run(
            request(Suite.THESIS, new TrialPolicy(2, 2, 3.5)), new RunListener() { }, new Cancellation());

        assertEquals(RunStatus.COMPLETED, record.run().status());
        assertEquals(6, record.trials().size());
        assertEquals(List.of("scimark2", "scimark2", "ramspeed-integer", "ramspeed-integer", "ramspeed-float", "ramspeed-float"),
            record.trials().stream().map(Trial::test).toList());
        Trial first = record.trials().get(0);
        assertEquals(SciMark.METRICS, first.measurements().stream().map(Measurement::metric).toList());
        assertTrue(first.measurements().stream().allMatch(m -> m.unit().equals("MFLOPS") && m.higherIsBetter() && m.value() > 0));
        assertEquals(EnvironmentDetector.local().detect().hypervisor(), record.environment().hypervisor());
        assertEquals(record, history.run(record.run().id()));
        assertTrue(record.options().contains("\"label\":\"lab\""), record.options());
    }

    @Test
    void resultsThatVaryGetMoreTrialsUpToTheCap() {
        List<String> reasons = new ArrayList<>();
        RunRecord record = engine(TrialLauncher.sameJvm()).run(
            request(Suite.CPU, new TrialPolicy(2, 4, 0.000001)), new RunListener() {
                @Override
                public void moreTrials(Benchmark test, int planned, String reason) {
                    reasons.add(planned + ": " + reason);
                }
            }, new Cancellation());

        assertEquals(4, record.trials().size());
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("3: "), reasons.toString());
    }

    @Test
    void resultsWithinTheThresholdGetThePlannedTrialsOnly() {
        // Kernels timed for 0.1 s are past JIT warm-up: two trials cannot differ by the ~6x a 100% SD needs.
        BenchSettings settled = new BenchSettings(SciMarkSize.NORMAL, 0.1, 2, 1 << 20, 16 << 20);
        RunRecord record = engine(TrialLauncher.sameJvm()).run(
            new RunRequest(Suite.CPU, List.of(), "lab", new TrialPolicy(2, 6, 100), settled), new RunListener() { },
            new Cancellation());
        assertEquals(2, record.trials().size());
    }

    @Test
    void failedTrialFailsTheRunAndKeepsTheTrialsBeforeIt() {
        AtomicInteger calls = new AtomicInteger();
        TrialLauncher real = TrialLauncher.sameJvm();
        TrialRunner failingSecond = (benchmark, settings, progress, cancellation) -> {
            if (calls.incrementAndGet() == 2) {
                throw new BenchmarkFailure("FFT round trip does not give the input back");
            }
            return real.run(benchmark, settings, progress, cancellation);
        };
        RunRecord record = engine(failingSecond).run(request(Suite.CPU, new TrialPolicy(3, 3, 3.5)), new RunListener() { },
            new Cancellation());

        assertEquals(RunStatus.FAILED, record.run().status());
        assertEquals("scimark2 trial 2: FFT round trip does not give the input back", record.run().error());
        assertEquals(1, record.trials().size());
        assertNotNull(record.run().finishedAt());
    }

    @Test
    void cancelledRunKeepsItsTrialsAndKillsTheTrialProcess() {
        Cancellation cancellation = new Cancellation();
        List<ProcessHandle> trialProcesses = new ArrayList<>();
        BenchSettings slow = new BenchSettings(SciMarkSize.NORMAL, 0.2, 2, 1 << 20, 16 << 20);
        RunRequest request = new RunRequest(Suite.CPU, List.of(), "lab", new TrialPolicy(3, 3, 3.5), slow);
        RunRecord record = engine(TrialLauncher.sameJvm()).run(request, new RunListener() {
            @Override
            public void progress(Benchmark test, int number, Metric metric, double value) {
                if (number == 2) {
                    ProcessHandle.current().children().forEach(trialProcesses::add);
                    cancellation.cancel();
                }
            }
        }, cancellation);

        assertEquals(RunStatus.CANCELLED, record.run().status());
        assertEquals(1, record.trials().size());
        assertFalse(trialProcesses.isEmpty());
        for (ProcessHandle process : trialProcesses) {
            process.onExit().join();
            assertFalse(process.isAlive());
        }
    }

    @Test
    void requestThatDoesNotFitThisMachineStoresNothing() {
        RunEngine engine = new RunEngine(history, TrialLauncher.sameJvm(), EnvironmentDetector.local(), new MemInfo(1L << 30, 1L << 20));
        assertThrows(InvalidInputException.class,
            () -> engine.run(request(Suite.MEMORY, TrialPolicy.of(1)), new RunListener() { }, new Cancellation()));
        assertEquals(List.of(), history.listRuns());
    }

    @Test
    void trialProcessThatCannotStartFailsTheRunWithTheReason() {
        RunRecord record = engine(new TrialLauncher(folder.resolve("no-java").toString(), System.getProperty("java.class.path")))
            .run(request(Suite.CPU, TrialPolicy.of(1)), new RunListener() { }, new Cancellation());
        assertEquals(RunStatus.FAILED, record.run().status());
        assertTrue(record.run().error().startsWith("scimark2 trial 1: cannot start a Java process"), record.run().error());
        assertEquals(0, record.trials().size());
    }

    @Test
    void trialProcessThatDiesFailsTheRunWithWhatItSaid() {
        TrialLauncher broken = new TrialLauncher(TrialLauncher.sameJvm().command(Benchmarks.get("scimark2"), QUICK).get(0),
            folder.toString());
        RunRecord record = engine(broken).run(request(Suite.CPU, TrialPolicy.of(1)), new RunListener() { }, new Cancellation());
        assertEquals(RunStatus.FAILED, record.run().status());
        assertTrue(record.run().error().contains("ended with exit code 1 and no result"), record.run().error());
        assertTrue(record.run().error().contains("TrialProcess"), record.run().error());
    }

    private RunEngine engine(TrialRunner runner) {
        return new RunEngine(history, runner, EnvironmentDetector.local(), MemInfo.local());
    }

    private static RunRequest request(Suite suite, TrialPolicy policy) {
        return new RunRequest(suite, List.of(), "lab", policy, QUICK);
    }
}
