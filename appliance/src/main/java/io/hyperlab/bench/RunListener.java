package io.hyperlab.bench;

import io.hyperlab.bench.env.Environment;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.Trial;

/** Hears a run as it goes, to show progress; every method runs on the engine's thread. */
public interface RunListener {
    default void runStarted(long runId, RunRequest request, Environment environment) {
    }

    default void trialStarted(Benchmark test, int number, int planned) {
    }

    /** One metric of the trial under way is known. */
    default void progress(Benchmark test, int number, Metric metric, double value) {
    }

    default void trialFinished(Benchmark test, Trial trial) {
    }

    /** The test gets another trial because its results vary too much. */
    default void moreTrials(Benchmark test, int planned, String reason) {
    }

    default void runFinished(RunRecord record) {
    }
}
