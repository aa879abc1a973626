package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Starting a benchmark from the console, following it live, its results, cancelling, and bad input in the form. */
class BenchmarksScreenTest {
    private static final Pattern PERCENT = Pattern.compile("\\] +(\\d+)%");

    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    /** Logged in, with the run form open. */
    private static ScreenDriver openForm() {
        ScreenDriver screen = lab.loggedIn();
        screen.select("Benchmarks").waitFor("No benchmark is running.");
        screen.press(KeyType.Enter).waitFor("Start a benchmark run");
        return screen;
    }

    /** Picks a suite in the pick-one field: Enter opens the list (on thesis, the last), Up moves, Enter chooses. */
    private static void pickSuite(ScreenDriver screen, String suite) {
        List<String> suites = List.of("cpu", "memory", "network", "thesis");
        screen.press(KeyType.Enter).press(KeyType.ArrowUp, suites.size() - 1 - suites.indexOf(suite)).press(KeyType.Enter);
        screen.waitUntil(s -> screen.hasLine("Suite:", suite), "suite " + suite + " chosen");
    }

    @Test
    void aShortRunShowsItsProgressBarMovingLiveValuesAndTheResult() {
        try (ScreenDriver screen = openForm()) {
            pickSuite(screen, "cpu");
            screen.press(KeyType.ArrowDown).type("console test").press(KeyType.ArrowDown).type("1")
                .press(KeyType.ArrowDown).press(KeyType.Enter).press(KeyType.ArrowDown).press(KeyType.Enter)
                .press(KeyType.ArrowDown).type("0.1").press(KeyType.Enter, 4);
            screen.waitFor("cpu run \"console test\"");
            List<Integer> seen = new ArrayList<>();
            String text = screen.waitUntil(s -> {
                Matcher percent = PERCENT.matcher(s);
                if (percent.find()) {
                    int value = Integer.parseInt(percent.group(1));
                    if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
                        seen.add(value);
                    }
                }
                return s.contains("Composite");
            }, "the run's results");
            assertTrue(seen.size() >= 3, "the bar should move through several values, saw " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), "the bar went back: " + seen);
            }
            assertEquals(100, seen.get(seen.size() - 1), "the bar ends full: " + seen);
            assertTrue(text.contains("Finished: run"), text);
            assertTrue(screen.lineWith("Composite").matches(".*scimark2  Composite  \\d+ MFLOPS.*"), text);
            screen.press(KeyType.Escape).waitFor("No benchmark is running.");
        }
    }

    @Test
    void badInputShowsBesideEachFieldAndTheDaemonsOwnCheckBesideItsField() {
        try (ScreenDriver screen = openForm()) {
            screen.press(KeyType.ArrowDown).type("x".repeat(BenchmarksFeature.MAX_LABEL + 1))
                .press(KeyType.ArrowDown).type("0").press(KeyType.ArrowDown, 2).type("fast").press(KeyType.Enter, 4);
            String text = screen.waitFor("Correct the fields marked");
            assertTrue(screen.lineWith("Label:").contains("too long: 101"), text);
            assertTrue(screen.lineWith("Trials:").contains("out of range: use 1 to 1000"), text);
            assertTrue(screen.lineWith("Seconds a kernel:").contains("'fast' is not a number"), text);

            screen.erase(101).type("bad sizes").press(KeyType.ArrowDown).erase(1).type("1")
                .press(KeyType.ArrowDown, 2).erase(4).type("0.1").press(KeyType.ArrowDown).type("lots").press(KeyType.Enter, 3);
            text = screen.waitFor("Not done: see the field marked.");
            assertTrue(screen.lineWith("Memory pass size:").contains("lots"), text);
            assertTrue(screen.lineWith("Memory pass size:").contains("'lots' is not a"), "the daemon's message for passSize, beside it: " + text);
            assertTrue(screen.lineWith("Label:").contains("bad sizes"), "what was typed stays: " + text);
        }
        JsonNode runs = lab.admin().get("api/v1/runs");
        assertEquals(0, runs.path("total").asInt(), "nothing may be stored: " + runs);
    }

    @Test
    void aNetworkRunWithABadPeerIsRefusedBesideThePeerField() {
        try (ScreenDriver screen = openForm()) {
            pickSuite(screen, "network");
            screen.press(KeyType.ArrowDown, 6).type("no such host:99999").press(KeyType.Enter, 2);
            String text = screen.waitFor("Not done: see the field marked.");
            assertTrue(screen.hasLine("Network peer:", "no such host"), text);
        }
    }

    @Test
    void cancellingARunAsksWithF8AndKeepsTheRunAsCancelled() {
        try (ScreenDriver screen = openForm()) {
            pickSuite(screen, "cpu");
            screen.press(KeyType.ArrowDown).type("to cancel").press(KeyType.ArrowDown).type("50")
                .press(KeyType.ArrowDown).press(KeyType.Enter).press(KeyType.ArrowDown).press(KeyType.Enter)
                .press(KeyType.ArrowDown).type("0.5").press(KeyType.Enter, 4);
            screen.waitFor("Running scimark2");
            screen.press(KeyType.Enter).waitFor("Stop this benchmark run?");
            screen.press(KeyType.F8);
            screen.waitFor("Cancelled (completed trials are kept)");
        }
        JsonNode runs = lab.admin().get("api/v1/runs?label=to+cancel");
        assertEquals("cancelled", runs.path("runs").path(0).path("status").asText(), runs.toString());
    }
}
