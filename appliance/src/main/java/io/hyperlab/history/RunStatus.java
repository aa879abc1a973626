package io.hyperlab.history;

import com.fasterxml.jackson.annotation.JsonValue;
import io.hyperlab.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a run stands. Only {@code RUNNING} can change; the others are final. */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED,
    /** Its process ended without finishing it (killed, crashed, power lost). */
    INTERRUPTED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a user typed, e.g. {@code completed}. */
    public static RunStatus parse(String text) {
        for (RunStatus status : values()) {
            if (status.id().equals(text)) {
                return status;
            }
        }
        throw new InvalidInputException("status", "unknown run status '" + text + "': choose "
            + Arrays.stream(values()).map(RunStatus::id).collect(Collectors.joining(", ")));
    }

    static RunStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
