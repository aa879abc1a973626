package io.hyperlab.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A run as the history lists it.
 *
 * @param uid       an identity that stays the same in every history the run is exported to
 * @param imported  where the run came from if it was imported, else null
 */
public record RunInfo(
    long id,
    String uid,
    String suite,
    String label,
    RunStatus status,
    Instant startedAt,
    Instant finishedAt,
    String error,
    int trials,
    @JsonInclude(JsonInclude.Include.NON_NULL) Imported imported) {

    /** An imported run's origin: the kind of file ({@code pts} or {@code hyperlab}), its name and when it came in. */
    public record Imported(String source, String file, Instant at) {
    }
}
