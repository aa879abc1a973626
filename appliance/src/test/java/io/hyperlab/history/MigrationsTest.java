package io.hyperlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.HyperLabException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path folder;

    @Test
    void freshDatabaseGetsTheLatestSchemaInWalModeWithForeignKeys() throws SQLException {
        Path file = folder.resolve("h.db");
        History.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(Migrations.latest(), Migrations.userVersion(c));
            assertEquals(List.of("actions", "api_tokens", "environments", "hosts", "measurements", "runs", "sessions", "trials",
                "users"), tables(c));
            assertEquals("wal", single(c, "PRAGMA journal_mode"));
        }
        assertTrue(Migrations.latest() >= 1);
    }

    @Test
    void historyConnectionEnforcesForeignKeys() {
        try (History history = History.open(folder.resolve("h.db"))) {
            HyperLabException failure = assertThrows(HyperLabException.class,
                () -> history.addTrial(999, HistoryTest.trial("scimark2", 1, 10.0)));
            assertTrue(failure.getMessage().contains("FOREIGN KEY"), failure.getMessage());
        }
    }

    @Test
    void reopeningAppliesNothingTwiceAndKeepsTheData() {
        Path file = folder.resolve("h.db");
        long id;
        try (History history = History.open(file)) {
            id = history.startRun("cpu", "lab", "{}", HistoryTest.ENVIRONMENT);
        }
        try (History history = History.open(file)) {
            assertEquals(1, history.listRuns().size());
            assertEquals(id, history.listRuns().get(0).id());
        }
    }

    @Test
    void runsOfAVersionOneHistoryGetDistinctIdentitiesAndNoOrigin() throws Exception {
        Path file = folder.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            String v1;
            try (var in = Migrations.class.getResourceAsStream("migrations/1.sql")) {
                v1 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Migrations.apply(c, file, List.of(v1));
            try (Statement s = c.createStatement()) {
                for (int i = 1; i <= 3; i++) {
                    s.execute("INSERT INTO runs (suite, label, status, options, started_at) VALUES ('cpu', 'old', 'completed', '{}',"
                        + " '2026-11-01T10:00:0" + i + "Z')");
                }
            }
        }
        try (History history = History.open(file)) {
            List<RunInfo> runs = history.listRuns();
            assertEquals(3, runs.size());
            assertEquals(3, runs.stream().map(RunInfo::uid).filter(uid -> uid != null && uid.length() == 32).distinct().count());
            assertTrue(runs.stream().allMatch(run -> run.imported() == null));
            long fresh = history.startRun("cpu", "new", "{}", HistoryTest.ENVIRONMENT);
            assertEquals(36, history.run(fresh).run().uid().length(), "a random UUID for a run measured here");
        }
    }

    @Test
    void migrationsApplyInOrderFromTheDatabasesVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("m.db"))) {
            Migrations.apply(c, folder, List.of("CREATE TABLE a (x INTEGER)"));
            assertEquals(1, Migrations.userVersion(c));
            Migrations.apply(c, folder, List.of("CREATE TABLE a (x INTEGER)", "-- second\nALTER TABLE a ADD COLUMN y TEXT;\nCREATE TABLE b (z)"));
            assertEquals(2, Migrations.userVersion(c));
            assertEquals(List.of("a", "b"), tables(c));
        }
    }

    /** Two openers of a new history at once (a CLI run and the daemon): one migrates, the other waits and finds it done. */
    @Test
    void twoOpenersOfANewHistoryAtOnceBothSucceed() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 50; i++) {
                Path file = folder.resolve("race-" + i + ".db");
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> opened = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    opened.add(pool.submit(() -> {
                        start.await();
                        try (History history = History.open(file)) {
                            return history.listRuns().size();
                        }
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<Integer> open : opened) {
                    assertEquals(0, open.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedMigrationLeavesTheDatabaseAsItWas() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("m.db"))) {
            Migrations.apply(c, folder, List.of("CREATE TABLE a (x INTEGER)"));
            assertThrows(SQLException.class, () -> Migrations.apply(c, folder,
                List.of("CREATE TABLE a (x INTEGER)", "CREATE TABLE b (z); INSERT INTO missing VALUES (1)")));
            assertEquals(1, Migrations.userVersion(c));
            assertEquals(List.of("a"), tables(c));
        }
    }

    @Test
    void databaseOfANewerHyperLabIsRefusedUntouched() throws SQLException {
        Path file = folder.resolve("h.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future (x)");
            s.execute("PRAGMA user_version = 99");
        }
        HyperLabException failure = assertThrows(HyperLabException.class, () -> History.open(file));
        assertTrue(failure.getMessage().contains("schema version 99, newer than"), failure.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of("future"), tables(c));
        }
    }

    @Test
    void databaseOfAnotherProgramIsRefusedUntouched() throws SQLException {
        Path file = folder.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (name TEXT)");
        }
        HyperLabException failure = assertThrows(HyperLabException.class, () -> History.open(file));
        assertTrue(failure.getMessage().contains("SQLite database of another program"), failure.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of("customers"), tables(c));
            assertEquals(0, Migrations.userVersion(c));
        }
    }

    @Test
    void scriptsSplitIntoStatementsWithoutComments() {
        assertEquals(List.of("CREATE TABLE a (x)", "CREATE INDEX i ON a (x)"),
            Migrations.statements("-- a comment; with a semicolon\nCREATE TABLE a (x);\n\n  -- another\nCREATE INDEX i ON a (x);\n"));
        assertFalse(Migrations.statements("-- only\n").iterator().hasNext());
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
