package io.hyperlab.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One setup action: who, what, on which host, with which parameters (JSON, never passwords), when, and how it ended. */
public record ActionRow(long id, Instant startedAt, Instant finishedAt, String actor, String host, String action,
                        @JsonRawValue String parameters, String outcome, String error) {
}
