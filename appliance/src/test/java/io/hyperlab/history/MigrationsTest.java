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
            assertEquals(List.of("actions", "environments", "hosts", "measurements", "runs", "trials"), tables(c));
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
    void migrationsApplyInOrderFromTheDatabasesVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("m.db"))) {
            Migrations.apply(c, folder, List.of("CREATE TABLE a (x INTEGER)"));
            assertEquals(1, Migrations.userVersion(c));
            Migrations.apply(c, folder, List.of("CREATE TABLE a (x INTEGER)", "-- second\nALTER TABLE a ADD COLUMN y TEXT;\nCREATE TABLE b (z)"));
            assertEquals(2, Migrations.userVersion(c));
            assertEquals(List.of("a", "b"), tables(c));
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
