package io.hyperlab.appliance;

import com.fasterxml.jackson.annotation.JsonValue;
import io.hyperlab.InvalidInputException;
import java.util.Locale;

/** How the appliance's management interface gets its IPv4 address. */
public enum NetworkMode {
    DHCP,
    STATIC;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NetworkMode parse(String text) {
        for (NetworkMode mode : values()) {
            if (mode.id().equals(text)) {
                return mode;
            }
        }
        throw new InvalidInputException("mode", "unknown network mode '" + Ipv4.shown(text) + "': use dhcp or static");
    }
}
