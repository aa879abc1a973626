package io.hyperlab.history;

import io.hyperlab.bench.env.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A whole run brought in from a file, stored at once with its environment and trials. */
public record ImportedRun(
    String uid,
    String suite,
    String label,
    RunStatus status,
    String options,
    Instant startedAt,
    Instant finishedAt,
    String error,
    Environment environment,
    List<Trial> trials,
    RunInfo.Imported origin) {

    public ImportedRun {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(origin, "origin");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("an imported run cannot be running");
        }
        trials = List.copyOf(trials);
    }
}
