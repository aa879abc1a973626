package io.hyperlab.history;

import io.hyperlab.HyperLabException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema's numbered migrations, {@code migrations/1.sql}, {@code 2.sql}, ... beside this
 * class. The database's {@code user_version} is the number of the last one applied; the
 * pending ones run in one transaction with the version bumps, so a failed one leaves the
 * database as it was.
 */
final class Migrations {
    private static final List<String> SCRIPTS = load();

    private Migrations() {
    }

    /** The schema version this HyperLab writes. */
    static int latest() {
        return SCRIPTS.size();
    }

    static void apply(Connection connection, Path file) throws SQLException {
        apply(connection, file, SCRIPTS);
    }

    /**
     * Brings the schema up to date in one IMMEDIATE transaction: the write lock is taken before
     * the version is read, so two processes opening a new history at once do not both migrate it
     * (the second waits, then finds nothing to do), and a failed migration leaves it as it was.
     */
    static void apply(Connection connection, Path file, List<String> scripts) throws SQLException {
        int latest = scripts.size();
        if (latest > 0 && userVersion(connection) == latest) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                int current = userVersion(connection);
                if (current == 0 && hasTables(connection)) {
                    throw new HyperLabException("the history database " + file
                        + " is a SQLite database of another program (it has tables but no HyperLab schema version);"
                        + " choose another --data folder");
                }
                if (current > latest) {
                    throw new HyperLabException("the history database " + file + " has schema version " + current
                        + ", newer than the " + latest + " this HyperLab knows; use a newer HyperLab or another --data folder");
                }
                for (int version = current + 1; version <= latest; version++) {
                    for (String sql : statements(scripts.get(version - 1))) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + version);
                }
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /** The statements of a script: comment lines dropped, split at semicolons (no script quotes one). */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> result = new ArrayList<>();
        for (String sql : code.toString().split(";")) {
            if (!sql.isBlank()) {
                result.add(sql.strip());
            }
        }
        return result;
    }

    private static List<String> load() {
        List<String> scripts = new ArrayList<>();
        for (int version = 1; ; version++) {
            try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + version + ".sql")) {
                if (in == null) {
                    return List.copyOf(scripts);
                }
                scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema migration " + version, e);
            }
        }
    }
}
