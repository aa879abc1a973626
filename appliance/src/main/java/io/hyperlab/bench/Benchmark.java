package io.hyperlab.bench;

import io.hyperlab.bench.env.MemInfo;
import java.util.List;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * One test a run can hold (SciMark, RAMspeed INTmem, ...). A trial runs in a child JVM through
 * {@link TrialLauncher}, which sizes that JVM's heap with {@link #heapBytes}.
 */
public interface Benchmark {
    /** The name a user types and the history stores, e.g. {@code scimark2}. */
    String name();

    /** The name of the published benchmark this re-creates. */
    String title();

    /** Every metric a trial gives, in the order it prints them. */
    List<Metric> metrics();

    /** Whether the test needs a peer machine (the network tests do). */
    default boolean needsPeer() {
        return false;
    }

    /** The trials this test gets, given what the user asked for the run (the network tests keep the study's count). */
    default TrialPolicy policy(TrialPolicy requested, BenchSettings settings) {
        return requested;
    }

    /** Refuses, with a message naming the setting, what this machine cannot run. */
    void validate(BenchSettings settings, MemInfo memory);

    /** The heap a trial needs. */
    long heapBytes(BenchSettings settings);

    /** Runs one trial in this JVM; {@code progress} hears each metric as soon as it is known. */
    Map<String, Double> runTrial(BenchSettings settings, ObjDoubleConsumer<String> progress) throws InterruptedException;
}
