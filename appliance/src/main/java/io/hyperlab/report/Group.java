package io.hyperlab.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The study's grouping of results, in its order: CPU, memory integer, memory float, network, then the rest. */
public enum Group {
    CPU("CPU: SciMark 2.0"),
    MEMORY_INTEGER("Memory, integer: RAMspeed/SMP INTmem"),
    MEMORY_FLOAT("Memory, floating point: RAMspeed/SMP FLOATmem"),
    NETWORK("Network: iperf"),
    OTHER("Other tests");

    public final String title;

    Group(String title) {
        this.title = title;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Group of(String test) {
        if (test.equals("scimark2")) {
            return CPU;
        }
        if (test.equals("ramspeed-integer")) {
            return MEMORY_INTEGER;
        }
        if (test.equals("ramspeed-float")) {
            return MEMORY_FLOAT;
        }
        if (test.startsWith("iperf")) {
            return NETWORK;
        }
        return OTHER;
    }
}
