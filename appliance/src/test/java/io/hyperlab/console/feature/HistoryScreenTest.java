package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.DaemonClient;
import io.hyperlab.console.ScreenDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The history: the latest runs, filters (with a bad date), a run's statistics, and deleting a run. */
class HistoryScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();
    static long alpha;
    static long beta;

    @BeforeAll
    static void setUp() throws Exception {
        DaemonClient admin = lab.admin();
        alpha = lab.quickRun(admin, "alpha host", 1).path("runId").asLong();
        beta = lab.quickRun(admin, "beta host", 1).path("runId").asLong();
    }

    /** Logged in, History highlighted. */
    private static ScreenDriver openHistory() {
        ScreenDriver screen = lab.loggedIn();
        screen.select("History").waitFor("Runs stored");
        return screen;
    }

    @Test
    void paneListsTheLatestRunsNewestFirst() {
        try (ScreenDriver screen = openHistory()) {
            String text = screen.waitFor("beta host");
            assertTrue(screen.lineWith("Runs stored").matches(".*Runs stored\\s+[23].*"), text);
            assertTrue(text.indexOf("beta host") < text.indexOf("alpha host"), "newest first:\n" + text);
            assertTrue(screen.lineWith("beta host").contains("completed"), text);
        }
    }

    @Test
    void aBadDateIsRefusedBesideItsFieldAndALabelFilterOpensOnlyThatRunWithItsStatistics() {
        try (ScreenDriver screen = openHistory()) {
            screen.press(KeyType.Enter).waitFor("Filter the history");
            screen.type("alpha host").press(KeyType.ArrowDown, 3).type("yesterday").press(KeyType.Enter, 2);
            String text = screen.waitFor("not a date");
            assertTrue(screen.lineWith("not a date").contains("yesterday"), text);
            assertTrue(screen.lineWith("Label:").contains("alpha host"), "what was typed stays:\n" + text);

            screen.erase(9).press(KeyType.Enter, 2);
            text = screen.waitFor("runs, newest first");
            assertTrue(text.contains("1 of 1 runs"), text);
            assertTrue(text.contains("alpha host") && !text.contains("beta host"), text);
            assertTrue(text.contains("<Enter> Details") && text.contains("<D> Delete"), text);

            screen.press(KeyType.Enter);
            text = screen.waitFor("Results");
            assertTrue(text.contains("Run " + alpha + ": alpha host"), text);
            assertTrue(screen.lineWith("Composite").matches(".*scimark2\\s+Composite \\(MFLOPS\\)\\s+\\d+\\s+[0-9.]+\\s+[0-9.]+\\s+1\\b.*"), text);
            assertTrue(text.contains("%SD"), text);
            screen.press(KeyType.Escape).waitFor("runs, newest first");
            screen.press(KeyType.Escape).waitUntil(s -> !s.contains("runs, newest first"), "back on the main screen");
        }
    }

    @Test
    void deletingARunAsksWithF8AndRemovesIt() throws Exception {
        long doomed = lab.quickRun(lab.admin(), "doomed", 1).path("runId").asLong();
        try (ScreenDriver screen = openHistory()) {
            screen.press(KeyType.Enter).waitFor("Filter the history");
            screen.type("doomed").press(KeyType.ArrowDown, 3).press(KeyType.Enter, 2);
            screen.waitFor("1 of 1 runs");
            screen.type("d").waitFor("This cannot be undone.");
            screen.press(KeyType.Escape).waitUntil(s -> !s.contains("This cannot be undone."), "the question gone");
            assertEquals(1, lab.admin().get("api/v1/runs?label=doomed").path("total").asInt(), "Esc must keep the run");
            screen.type("d").waitFor("<F8> Confirm");
            screen.press(KeyType.F8);
            screen.waitFor("Run " + doomed + " deleted.");
        }
        assertEquals(0, lab.admin().get("api/v1/runs?label=doomed").path("total").asInt());
        assertFalse(lab.admin().get("api/v1/runs").toString().contains("doomed"));
    }
}
