package io.hyperlab.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A long operation the daemon runs for a user, as they see it.
 *
 * @param kind     what it is: {@code run} for a benchmark run, {@code setup} for an action on a host,
 *                 {@code system} for a change of the appliance itself
 * @param progress how far it is, from 0 to 1
 * @param runId    the history's run, once a benchmark task has started one
 * @param host     the host a setup task works on
 * @param result   what a finished setup task made or found (a VM, a network, ...), as JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskInfo(long id, String kind, String title, TaskStatus status, double progress, Long runId,
                       Instant queuedAt, Instant startedAt, Instant finishedAt, String error, String host, Object result) {
    public TaskInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be from 0 to 1, not " + progress);
        }
    }
}
