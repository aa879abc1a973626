package io.hyperlab.appliance;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the root helper does with the appliance's power: {@code systemctl reboot} or {@code systemctl poweroff}. */
public enum PowerAction {
    REBOOT("reboot", "reboot"),
    POWEROFF("poweroff", "shut down");

    private final String id;
    private final String words;

    PowerAction(String id, String words) {
        this.id = id;
        this.words = words;
    }

    /** The word written to the helper's file, as systemctl spells it. */
    @JsonValue
    public String id() {
        return id;
    }

    /** How a person says it: "reboot", "shut down". */
    public String words() {
        return words;
    }
}
