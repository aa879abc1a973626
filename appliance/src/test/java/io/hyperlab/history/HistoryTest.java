package io.hyperlab.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.HyperLabException;
import io.hyperlab.NotFoundException;
import io.hyperlab.bench.env.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    static final Environment ENVIRONMENT = new Environment("KVM", "HVM", "AMD EPYC", 2, 8L << 30, "6.1.0-13-cloud-amd64",
        "Debian GNU/Linux 12 (bookworm)", "lab-vm", "0.1.0", "OpenJDK 17");

    @TempDir
    Path folder;

    @Test
    void runRoundTripsWithItsTrialsEnvironmentAndStatistics() {
        try (History history = History.open(folder.resolve("h.db"))) {
            long id = history.startRun("memory", "XenServer VM", "{\"trials\":3}", ENVIRONMENT);
            history.addTrial(id, trial("ramspeed-integer", 1, 9800.0));
            history.addTrial(id, trial("ramspeed-integer", 2, 10000.0));
            history.addTrial(id, trial("ramspeed-integer", 3, 10200.0));
            history.finishRun(id, RunStatus.COMPLETED, null);

            RunRecord record = history.run(id);
            assertEquals("XenServer VM", record.run().label());
            assertEquals(RunStatus.COMPLETED, record.run().status());
            assertEquals(3, record.run().trials());
            assertEquals(ENVIRONMENT, record.environment());
            assertEquals("{\"trials\":3}", record.options());
            assertEquals(List.of("Copy", "Triad"), record.trials().get(0).measurements().stream().map(Measurement::metric).toList());
            MetricSummary copy = record.summaries().get(0);
            assertEquals("Copy", copy.metric());
            assertEquals(List.of(9800.0, 10000.0, 10200.0), copy.values());
            assertEquals(10000.0, copy.summary().mean(), 1e-9);
            assertEquals(200.0, copy.summary().sd(), 1e-9);
        }
    }

    @Test
    void finishedRunKeepsItsFirstFinalStatus() {
        try (History history = History.open(folder.resolve("h.db"))) {
            long id = history.startRun("cpu", "lab", "{}", ENVIRONMENT);
            history.finishRun(id, RunStatus.CANCELLED, "cancelled by the user");
            history.finishRun(id, RunStatus.COMPLETED, null);
            assertEquals(RunStatus.CANCELLED, history.run(id).run().status());
            assertThrows(IllegalArgumentException.class, () -> history.finishRun(id, RunStatus.RUNNING, null));
        }
    }

    @Test
    void deletingARunDeletesItsTrialsMeasurementsAndEnvironment() throws SQLException {
        Path file = folder.resolve("h.db");
        try (History history = History.open(file)) {
            long keep = history.startRun("cpu", "keep", "{}", ENVIRONMENT);
            history.addTrial(keep, trial("scimark2", 1, 1.0));
            history.finishRun(keep, RunStatus.COMPLETED, null);
            long drop = history.startRun("cpu", "drop", "{}", ENVIRONMENT);
            history.addTrial(drop, trial("scimark2", 1, 2.0));
            history.finishRun(drop, RunStatus.COMPLETED, null);

            history.deleteRun(drop);

            assertEquals(List.of(keep), history.listRuns().stream().map(RunInfo::id).toList());
            assertThrows(NotFoundException.class, () -> history.run(drop));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals("1", MigrationsTest.single(c, "SELECT count(*) FROM trials"));
            assertEquals("2", MigrationsTest.single(c, "SELECT count(*) FROM measurements"));
            assertEquals("1", MigrationsTest.single(c, "SELECT count(*) FROM environments"));
        }
    }

    @Test
    void runningRunCannotBeDeleted() {
        try (History history = History.open(folder.resolve("h.db"))) {
            long id = history.startRun("cpu", "lab", "{}", ENVIRONMENT);
            HyperLabException failure = assertThrows(HyperLabException.class, () -> history.deleteRun(id));
            assertTrue(failure.getMessage().contains("still running"), failure.getMessage());
            assertEquals(1, history.listRuns().size());
        }
    }

    @Test
    void unknownRunIsNotFound() {
        try (History history = History.open(folder.resolve("h.db"))) {
            NotFoundException failure = assertThrows(NotFoundException.class, () -> history.run(42));
            assertEquals("no run 42 in the history (see: hyperlab history list)", failure.getMessage());
            assertThrows(NotFoundException.class, () -> history.deleteRun(42));
        }
    }

    @Test
    void trialIsStoredWholeOrNotAtAll() {
        try (History history = History.open(folder.resolve("h.db"))) {
            long id = history.startRun("cpu", "lab", "{}", ENVIRONMENT);
            history.addTrial(id, trial("scimark2", 1, 1.0));
            assertThrows(HyperLabException.class, () -> history.addTrial(id, trial("scimark2", 1, 5.0)));
            assertEquals(1, history.run(id).trials().size());
            assertEquals(1.0, history.run(id).trials().get(0).measurements().get(0).value());
        }
    }

    @Test
    void runOfAProcessThatEndedIsMarkedInterruptedAndKeepsItsTrials() throws Exception {
        Path file = folder.resolve("h.db");
        long id;
        try (History history = History.open(file)) {
            id = history.startRun("cpu", "lab", "{}", ENVIRONMENT);
            history.addTrial(id, trial("scimark2", 1, 1.0));
            assertEquals(List.of(), history.recoveredRuns());
        }
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        setOwner(file, id, ended.pid(), null);

        try (History history = History.open(file)) {
            assertEquals(List.of(id), history.recoveredRuns());
            RunRecord record = history.run(id);
            assertEquals(RunStatus.INTERRUPTED, record.run().status());
            assertTrue(record.run().error().contains("pid " + ended.pid()), record.run().error());
            assertEquals(1, record.trials().size());
        }
    }

    @Test
    void recycledPidDoesNotPassForTheOwner() throws SQLException {
        Path file = folder.resolve("h.db");
        long id;
        try (History history = History.open(file)) {
            id = history.startRun("cpu", "lab", "{}", ENVIRONMENT);
        }
        setOwner(file, id, ProcessHandle.current().pid(), "2001-01-01T00:00:00Z");
        try (History history = History.open(file)) {
            assertEquals(RunStatus.INTERRUPTED, history.run(id).run().status());
        }
    }

    @Test
    void runOfALiveProcessIsLeftRunning() {
        Path file = folder.resolve("h.db");
        try (History writer = History.open(file)) {
            long id = writer.startRun("cpu", "lab", "{}", ENVIRONMENT);
            try (History reader = History.open(file)) {
                assertEquals(List.of(), reader.recoveredRuns());
                assertEquals(RunStatus.RUNNING, reader.run(id).run().status());
                assertNull(reader.run(id).run().finishedAt());
            }
        }
    }

    @Test
    void damagedDatabaseIsRefusedAndLeftUntouched() throws IOException {
        Path file = folder.resolve("h.db");
        byte[] garbage = "this is not a database, it is a shopping list: eggs, milk, bread".repeat(100).getBytes();
        Files.write(file, garbage);
        HyperLabException failure = assertThrows(HyperLabException.class, () -> History.open(file));
        assertTrue(failure.getMessage().contains("is damaged or not a SQLite database"), failure.getMessage());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void folderThatCannotBeCreatedIsNamed() throws IOException {
        Path aFile = Files.writeString(folder.resolve("plain-file"), "x");
        HyperLabException failure = assertThrows(HyperLabException.class, () -> History.openIn(aFile.resolve("data")));
        assertTrue(failure.getMessage().startsWith("cannot create the history folder " + aFile.resolve("data")),
            failure.getMessage());
    }

    @Test
    void databasePathThatIsAFolderIsRefused() throws IOException {
        Path dir = Files.createDirectories(folder.resolve("h.db"));
        HyperLabException failure = assertThrows(HyperLabException.class, () -> History.open(dir));
        assertTrue(failure.getMessage().contains("is not a regular file"), failure.getMessage());
    }

    static Trial trial(String test, int number, double value) {
        Instant start = Instant.parse("2026-11-24T10:00:00Z").plusSeconds(number * 60L);
        return new Trial(test, number, start, start.plusSeconds(30), List.of(
            new Measurement("Copy", "MB/s", true, value),
            new Measurement("Triad", "MB/s", true, value * 1.1)));
    }

    private static void setOwner(Path file, long runId, long pid, String started) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement update = c.prepareStatement("UPDATE runs SET owner_pid = ?, owner_started = ? WHERE id = ?")) {
            update.setLong(1, pid);
            update.setString(2, started);
            update.setLong(3, runId);
            update.executeUpdate();
        }
    }
}
