package io.hyperlab.host;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An enum whose constants users type and JSON shows in lower case, '_' written as '-'. */
public interface Choice {
    String name();

    @JsonValue
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
