package io.hyperlab.bench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** appliance/benchmarks/network-vs-iperf3 refuses settings it cannot use before it installs or runs anything. */
class BenchmarkScriptTest {
    private static final Path SCRIPT = Path.of("benchmarks", "network-vs-iperf3");

    @Test
    void settingsThatAreNotNumbersOfTheirKindAreRefusedByName() throws Exception {
        assertRefused(List.of("x"), Map.of(), "ROUNDS must be a whole number from 1, not 'x'");
        assertRefused(List.of("0"), Map.of(), "ROUNDS must be a whole number from 1, not '0'");
        assertRefused(List.of(), Map.of("SECONDS_PER_TEST", "2s"), "SECONDS_PER_TEST must be a whole number of seconds from 1, not '2s'");
        assertRefused(List.of(), Map.of("UDP_RATE", "fast"), "UDP_RATE must be a rate as iperf3's -b takes it (e.g. 100M, 1G), not 'fast'");
        assertRefused(List.of(), Map.of("STEAL_LIMIT", "-1"), "STEAL_LIMIT must be a percentage of 0 or more (e.g. 1 or 2.5), not '-1'");
    }

    private static void assertRefused(List<String> args, Map<String, String> env, String message) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString());
        builder.command().addAll(args);
        builder.environment().putAll(env);
        Process script = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(script.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.waitFor(30, TimeUnit.SECONDS), "the script ends");
        assertEquals(2, script.exitValue(), err);
        assertEquals(message + "\n", err, "refused before anything is installed or run");
    }
}
