package io.hyperlab.bench;

import com.fasterxml.jackson.annotation.JsonValue;
import io.hyperlab.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Named sets of tests; {@code thesis} is what the study ran on each hypervisor. */
public enum Suite {
    CPU("SciMark 2.0", "scimark2"),
    MEMORY("RAMspeed/SMP INTmem and FLOATmem", "ramspeed-integer", "ramspeed-float"),
    NETWORK("iperf3 TCP and UDP with a peer, both directions (needs --peer)", "iperf-tcp", "iperf-udp", "iperf-tcp-reverse",
        "iperf-udp-reverse"),
    THESIS("the study's CPU and memory tests, and its network tests when --peer is given", "scimark2", "ramspeed-integer",
        "ramspeed-float", "iperf-tcp", "iperf-udp");

    public final String description;
    private final List<String> tests;

    Suite(String description, String... tests) {
        this.description = description;
        this.tests = List.of(tests);
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<Benchmark> tests() {
        return tests.stream().map(Benchmarks::get).toList();
    }

    public static Suite parse(String text) {
        for (Suite suite : values()) {
            if (suite.id().equals(text)) {
                return suite;
            }
        }
        throw new InvalidInputException("suite", "unknown suite '" + text + "': choose "
            + Arrays.stream(values()).map(Suite::id).collect(Collectors.joining(", ")));
    }
}
