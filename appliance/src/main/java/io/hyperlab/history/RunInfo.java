package io.hyperlab.history;

import java.time.Instant;

/** A run as the history lists it. */
public record RunInfo(
    long id,
    String suite,
    String label,
    RunStatus status,
    Instant startedAt,
    Instant finishedAt,
    String error,
    int trials) {
}
