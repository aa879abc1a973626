package io.hyperlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.hyperlab.bench.env.Environment;
import io.hyperlab.history.History;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare, export and import command lines: spellings, formats, exit codes, and bad input refused with nothing changed. */
class ReportCommandsTest {
    static final Environment ENV = new Environment("KVM", "HVM", "AMD EPYC 7B13", 2, 8L << 30, "6.1.0", "Debian 12", "lab", "0.1.0", "17");

    @TempDir
    Path data;
    @TempDir
    Path other;

    @BeforeEach
    void twoLabelledRuns() {
        try (History history = History.openIn(data)) {
            store(history, "A", 100, 101, 99);
            store(history, "B", 120, 121, 119);
        }
    }

    static void store(History history, String label, double... composites) {
        long id = history.startRun("cpu", label, "{\"settings\":{\"scimarkSize\":\"NORMAL\"}}", ENV);
        for (int k = 0; k < composites.length; k++) {
            Instant at = Instant.parse("2026-11-25T10:00:00Z").plusSeconds(k);
            history.addTrial(id, new Trial("scimark2", k + 1, at, at, List.of(new Measurement("Composite", "MFLOPS", true, composites[k]))));
        }
        history.finishRun(id, RunStatus.COMPLETED, null);
    }

    Cli run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    @Test
    void compareTwoLabelsPrintsTheTableWithTheVerdict() {
        Cli compare = run("compare", "--label", "A", "--label", "B");
        assertEquals(0, compare.exit(), compare.toString());
        assertTrue(compare.out().contains("CPU: SciMark 2.0"), compare.out());
        assertTrue(compare.out().contains("+20.00%"), compare.out());
        assertTrue(compare.out().contains("better"), compare.out());
        Cli reversed = run("compare", "--label", "B", "--label", "A", "--alpha", "0.01");
        assertTrue(reversed.out().contains("-16.67%") && reversed.out().contains("alpha = 0.01"), reversed.out());
    }

    @Test
    void compareAgainstTheStudyFlagsTheDifferentMachine() throws Exception {
        Cli json = run("compare", "--label", "A", "--reference", "thesis-2021", "--json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode comparison = Json.MAPPER.readTree(json.out());
        assertEquals(3, comparison.get("sides").size());
        assertEquals("A", comparison.at("/sides/0/name").asText());
        String flags = comparison.get("flags").toString();
        assertTrue(flags.contains("cpu-model") && flags.contains("Intel Xeon E5-2407"), flags);
        assertTrue(flags.contains("scimark2 ran with different scimarkSize (A: normal"), flags);
        assertEquals(comparison, Json.MAPPER.readTree(run("compare", "--label", "A", "--reference", "thesis-2021", "--format", "json").out()));
        Cli study = run("compare", "--reference", "thesis-2021");
        assertTrue(study.out().contains("-1.92%"), study.out());
        Cli oneSide = run("compare", "--reference", "thesis-2021:kvm", "--label", "B", "--format", "md");
        assertTrue(oneSide.out().contains("| KVM VM (thesis-2021) | 1 | 293.45 |"), oneSide.out());
    }

    @Test
    void compareChosenRunsWritesAnyFormatToAFile() throws Exception {
        Path html = other.resolve("report.html");
        Cli compare = run("compare", "--run", "1", "--run", "2", "--format", "html", "--output", html.toString());
        assertEquals(0, compare.exit(), compare.toString());
        assertTrue(compare.out().contains("Wrote the comparison of 2 sides as html to"), compare.out());
        assertTrue(Files.readString(html).contains("run 2 (B)"));
        for (String format : new String[] {"table", "md", "csv", "json", "html", "pts"}) {
            Cli each = run("compare", "--label", "A", "--label", "B", "--format", format);
            assertEquals(0, each.exit(), format + ": " + each);
            assertFalse(each.out().isBlank(), format);
        }
    }

    @Test
    void badCompareRequestsAreRefusedWithTheReason() {
        assertRefused(2, "a comparison needs at least two sides", "compare", "--label", "A");
        assertRefused(1, "no run is labelled \"C\" in the history; its labels are: A, B", "compare", "--label", "A", "--label", "C");
        assertRefused(1, "no run 9 in the history", "compare", "--run", "1", "--run", "9");
        assertRefused(2, "'x' is not a run number", "compare", "--run", "x", "--run", "1");
        assertRefused(2, "significance level (alpha) must be between 0 and 1", "compare", "--label", "A", "--label", "B", "--alpha", "5");
        assertRefused(2, "unknown format 'pdf': choose table, md, csv, json, html, pts", "compare", "--label", "A", "--label", "B", "--format", "pdf");
        assertRefused(2, "--json asks for JSON but --format asks for html", "compare", "--label", "A", "--label", "B", "--json", "--format", "html");
        assertRefused(2, "unknown reference 'thesis-1999'", "compare", "--label", "A", "--reference", "thesis-1999");
        assertRefused(2, "\"A\" is named twice", "compare", "--label", "A", "--label", "A");
    }

    @Test
    void exportThenImportMovesRunsToAnotherHistoryOnce() throws Exception {
        for (String format : new String[] {"pts", "json"}) {
            Path file = other.resolve("export." + format);
            Cli export = run("export", "--label", "B", "--format", format, "--output", file.toString());
            assertEquals(0, export.exit(), export.toString());
            assertTrue(export.out().contains("Exported 1 run as " + format), export.out());
            Path target = other.resolve("target-" + format);
            Cli imported = Cli.run("--data", target.toString(), "import", file.toString());
            assertEquals(0, imported.exit(), imported.toString());
            assertTrue(imported.out().contains("run 1 \"B\": scimark2"), imported.out());
            Cli again = Cli.run("--data", target.toString(), "import", file.toString());
            assertEquals(1, again.exit(), again.toString());
            assertTrue(again.err().contains("already in the history as run 1"), again.toString());
            Cli skipped = Cli.run("--data", target.toString(), "import", file.toString(), "--skip-existing", "--json");
            assertEquals(0, skipped.exit(), skipped.toString());
            assertEquals(1, Json.MAPPER.readTree(skipped.out()).get("skipped").asInt());
            Cli compare = Cli.run("--data", target.toString(), "compare", "--label", "B", "--reference", "thesis-2021:kvm");
            assertEquals(0, compare.exit(), compare.toString());
            Cli show = Cli.run("--data", target.toString(), "history", "show", "1");
            assertTrue(show.out().contains("Imported:    from export." + format), show.out());
        }
        Cli stdout = run("export", "--json");
        assertEquals(2, Json.MAPPER.readTree(stdout.out()).get("runs").size());
    }

    @Test
    void badExportAndImportRequestsChangeNothing() throws Exception {
        assertRefused(2, "choose a format with --format table|md|csv|json|html|pts (or --json)", "export");
        assertRefused(1, "no finished run is labelled \"C\"", "export", "--label", "C", "--format", "csv");
        assertRefused(1, "no file", "import", other.resolve("missing.xml").toString());
        Path junk = other.resolve("junk.xml");
        Files.writeString(junk, "<PhoronixTestSuite><System>");
        assertRefused(2, "is not well-formed XML", "import", junk.toString());
        assertEquals(2, Json.MAPPER.readTree(run("history", "list", "--json").out()).size());
    }

    @Test
    void helpListsTheReportCommands() {
        Cli help = Cli.run("--help");
        for (String command : new String[] {"compare", "export", "import"}) {
            assertTrue(help.out().contains(command), help.out());
            assertEquals(0, Cli.run(command, "--help").exit());
        }
    }

    void assertRefused(int exit, String message, String... args) {
        Cli cli = run(args);
        assertEquals(exit, cli.exit(), cli.toString());
        assertTrue(cli.err().contains(message), cli.toString());
    }
}
