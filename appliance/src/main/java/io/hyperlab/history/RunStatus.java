package io.hyperlab.history;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

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

    static RunStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
