package io.hyperlab.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a task stands: queued and running can change, the others are final. */
public enum TaskStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
