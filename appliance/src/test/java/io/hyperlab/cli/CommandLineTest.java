package io.hyperlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.hyperlab.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: spellings, output, exit codes, and bad input refused with nothing stored. */
class CommandLineTest {
    @TempDir
    Path data;

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.exit(), help.toString());
        for (String command : new String[] {"bench", "history", "version"}) {
            assertTrue(help.out().contains(command), help.toString());
        }
        for (String[] args : new String[][] {{"bench", "--help"}, {"history", "list", "--help"}, {"history", "show", "--help"},
            {"history", "delete", "--help"}, {"version", "--help"}}) {
            assertEquals(0, Cli.run(args).exit(), String.join(" ", args));
        }
        assertTrue(Cli.run("bench", "--help").out().contains("--suite"));
    }

    @Test
    void versionPrintsTextOrJson() throws Exception {
        Cli text = Cli.run("version");
        assertEquals(0, text.exit());
        assertTrue(text.out().startsWith("HyperLab " + Version.current()), text.out());
        JsonNode json = Json.MAPPER.readTree(Cli.run("version", "--json").out());
        assertEquals(Version.current(), json.get("version").asText());
    }

    @Test
    void unknownOptionOrCommandIsAUsageError() {
        Cli option = Cli.run("bench", "--turbo");
        assertEquals(2, option.exit(), option.toString());
        assertTrue(option.err().contains("Unknown option: '--turbo'"), option.toString());
        assertTrue(option.err().contains("Try 'hyperlab bench --help'"), option.toString());
        assertEquals(2, Cli.run("frobnicate").exit());
        assertEquals(2, Cli.run("bench", "--trials", "three").exit());
    }

    @Test
    void badBenchInputIsRefusedWithExitTwoAndNothingStored() throws Exception {
        assertRefused("unknown suite 'gpu': choose cpu, memory, network, thesis", "bench", "--suite", "gpu");
        assertRefused("unknown test 'linpack'", "bench", "--suite", "cpu", "--test", "linpack");
        assertRefused("test 'scimark2' is not in suite memory", "bench", "--suite", "memory", "--test", "scimark2");
        assertRefused("trials must be from 1 to 1000, not 0", "bench", "--trials", "0");
        assertRefused("max trials must be from the trial count (3)", "bench", "--max-trials", "2");
        assertRefused("unknown size unit 'XB'", "bench", "--array-size", "32XB");
        assertRefused("memory pass size (8.0 GiB) must be at least the array size (15.0 GiB)",
            "bench", "--suite", "memory", "--array-size", "15GiB");
        assertRefused("of memory with these settings, but this machine has", "bench", "--suite", "memory",
            "--array-size", "15GiB", "--pass-size", "15GiB", "--threads", "64");
        assertRefused("memory threads must be from 1 to 1024", "bench", "--threads", "0");
        assertRefused("the label must not be empty", "bench", "--label", " ");
        assertRefused("unknown SciMark size 'huge'", "bench", "--size", "huge");
        assertRefused("SciMark minimum time", "bench", "--min-time", "0");
        JsonNode runs = Json.MAPPER.readTree(Cli.run("--data", data.toString(), "history", "list", "--json").out());
        assertEquals(0, runs.size());
    }

    @Test
    void benchStoresTheRunAndHistoryShowsAndDeletesIt() throws Exception {
        Cli bench = Cli.run("--data", data.toString(), "bench", "--suite", "cpu", "--size", "normal", "--min-time", "0.01",
            "--trials", "2", "--max-trials", "2", "--label", "KVM VM", "--json");
        assertEquals(0, bench.exit(), bench.toString());
        JsonNode run = Json.MAPPER.readTree(bench.out());
        assertEquals("completed", run.at("/run/status").asText());
        assertEquals("KVM VM", run.at("/run/label").asText());
        assertEquals(2, run.get("trials").size());
        assertEquals("Composite", run.at("/results/0/metric").asText());
        assertEquals(2, run.at("/results/0/summary/n").asInt());
        assertTrue(bench.err().contains("scimark2 trial 2/2"), bench.err());
        long id = run.at("/run/id").asLong();
        assertTrue(Files.exists(data.resolve("hyperlab.db")));

        Cli list = Cli.run("--data", data.toString(), "history", "list");
        assertEquals(0, list.exit());
        assertTrue(list.out().contains("KVM VM") && list.out().contains("completed"), list.out());

        Cli show = Cli.run("--data", data.toString(), "history", "show", String.valueOf(id));
        assertEquals(0, show.exit(), show.toString());
        assertTrue(show.out().contains("SciMark 2.0 (scimark2)"), show.out());
        assertTrue(show.out().contains("Dense LU Matrix Factorization"), show.out());
        assertEquals(run, Json.MAPPER.readTree(Cli.run("--data", data.toString(), "history", "show", "--json", "" + id).out()));

        Cli delete = Cli.run("history", "delete", String.valueOf(id), "--data", data.toString());
        assertEquals(0, delete.exit(), delete.toString());
        assertEquals("Deleted run " + id + ".\n", delete.out());
        assertEquals(0, Json.MAPPER.readTree(Cli.run("--data", data.toString(), "history", "list", "--json").out()).size());
    }

    @Test
    void benchPrintsAStudyLikeTableAtTheEnd() {
        Cli bench = Cli.run("--data", data.toString(), "bench", "--suite", "memory", "--test", "ramspeed-float",
            "--array-size", "1MiB", "--pass-size", "16MiB", "--trials", "1", "--label", "lab");
        assertEquals(0, bench.exit(), bench.toString());
        assertTrue(bench.out().contains("RAMspeed/SMP FLOATmem (ramspeed-float)"), bench.out());
        assertTrue(bench.out().matches("(?s).*Metric\\s+Mean\\s+Unit\\s+±SD\\s+%SD\\s+n.*"), bench.out());
        assertTrue(bench.out().matches("(?s).*Triad\\s+\\d+\\.\\d\\d\\s+MB/s.*"), bench.out());
        assertFalse(bench.out().contains("ramspeed-integer"), bench.out());
    }

    @Test
    void historyRefusesUnknownAndMalformedRuns() {
        Cli unknown = Cli.run("--data", data.toString(), "history", "show", "7");
        assertEquals(1, unknown.exit());
        assertEquals("hyperlab: no run 7 in the history (see: hyperlab history list)\n", unknown.err());
        Cli malformed = Cli.run("--data", data.toString(), "history", "delete", "seven");
        assertEquals(2, malformed.exit());
        assertTrue(malformed.err().contains("'seven' is not a run number"), malformed.err());
        assertEquals(2, Cli.run("--data", data.toString(), "history", "show", "0").exit());
        assertEquals(2, Cli.run("--data", data.toString(), "history", "show").exit());
    }

    @Test
    void damagedDatabaseFailsWithExitOneAndStaysAsItWas() throws Exception {
        Path file = data.resolve("hyperlab.db");
        Files.writeString(file, "not sqlite ".repeat(200));
        Cli list = Cli.run("--data", data.toString(), "history", "list");
        assertEquals(1, list.exit(), list.toString());
        assertTrue(list.err().contains("is damaged or not a SQLite database"), list.err());
        assertEquals("not sqlite ".repeat(200), Files.readString(file));
    }

    @Test
    void emptyHistorySaysHowToStart() {
        Cli list = Cli.run("--data", data.toString(), "history", "list");
        assertEquals(0, list.exit());
        assertEquals("No runs yet. Start one with: hyperlab bench\n", list.out());
    }

    private void assertRefused(String message, String... args) {
        String[] withData = new String[args.length + 2];
        withData[0] = "--data";
        withData[1] = data.toString();
        System.arraycopy(args, 0, withData, 2, args.length);
        Cli cli = Cli.run(withData);
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains(message), "expected '" + message + "' in\n" + cli);
        assertEquals("", cli.out(), cli.toString());
    }
}
