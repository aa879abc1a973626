package io.hyperlab.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to a task, as the event stream carries it. Task events
 * ({@code task.*}) hold the whole task; trial events hold the test, the trial and its values.
 *
 * @param progress the task's progress after this event, from 0 to 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskEvent(Type type, long taskId, Instant at, double progress, TaskInfo task, Long runId, String test,
                        Integer trial, Integer planned, String metric, String unit, Double value, Map<String, Double> values) {

    /** The event's name on the stream. */
    public enum Type {
        QUEUED("task.queued"),
        STARTED("task.started"),
        TRIAL_STARTED("trial.started"),
        PROGRESS("progress"),
        TRIAL_DONE("trial.done"),
        FINISHED("task.finished"),
        FAILED("task.failed"),
        CANCELLED("task.cancelled");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    public TaskEvent {
        values = values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static TaskEvent of(Type type, TaskInfo task) {
        return new TaskEvent(type, task.id(), Instant.now(), task.progress(), task, task.runId(), null, null, null, null, null,
            null, null);
    }

    static TaskEvent trialStarted(TaskInfo task, String test, int trial, int planned) {
        return new TaskEvent(Type.TRIAL_STARTED, task.id(), Instant.now(), task.progress(), null, task.runId(), test, trial,
            planned, null, null, null, null);
    }

    static TaskEvent progress(TaskInfo task, String test, int trial, String metric, String unit, double value) {
        return new TaskEvent(Type.PROGRESS, task.id(), Instant.now(), task.progress(), null, task.runId(), test, trial, null,
            metric, unit, value, null);
    }

    static TaskEvent trialDone(TaskInfo task, String test, int trial, Map<String, Double> values) {
        return new TaskEvent(Type.TRIAL_DONE, task.id(), Instant.now(), task.progress(), null, task.runId(), test, trial, null,
            null, null, null, values);
    }
}
