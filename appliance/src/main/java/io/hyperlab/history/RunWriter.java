package io.hyperlab.history;

import io.hyperlab.bench.env.Environment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

/** The inserts that store a run, its environment and its trials; callers hold the transaction. */
final class RunWriter {
    private RunWriter() {
    }

    /** A fresh identity for a run measured here. */
    static String newUid() {
        return UUID.randomUUID().toString();
    }

    /** Inserts a run's row; an imported run has its origin, a measured one its owner process. */
    static long insertRun(Connection connection, String uid, String suite, String label, RunStatus status, String options,
                          Instant startedAt, Instant finishedAt, String error, Owner owner, RunInfo.Imported imported)
        throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO runs (uid, suite, label, status, options, started_at, finished_at, error, owner_pid, owner_started,"
                + " source, source_file, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, uid);
            insert.setString(2, suite);
            insert.setString(3, label);
            insert.setString(4, status.id());
            insert.setString(5, options);
            insert.setString(6, startedAt.toString());
            insert.setString(7, finishedAt == null ? null : finishedAt.toString());
            insert.setString(8, error);
            insert.setObject(9, owner == null ? null : owner.pid());
            insert.setString(10, owner == null ? null : owner.started());
            insert.setString(11, imported == null ? null : imported.source());
            insert.setString(12, imported == null ? null : imported.file());
            insert.setString(13, imported == null ? null : imported.at().toString());
            insert.executeUpdate();
            return generatedKey(insert);
        }
    }

    static void insertEnvironment(Connection connection, long runId, Environment env) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO environments (run_id, hypervisor, guest_type, cpu_model, cpu_count, memory_bytes,"
                + " kernel, os, hostname, hyperlab_version, java_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, runId);
            insert.setString(2, env.hypervisor());
            insert.setString(3, env.guestType());
            insert.setString(4, env.cpuModel());
            insert.setInt(5, env.cpuCount());
            insert.setLong(6, env.memoryBytes());
            insert.setString(7, env.kernel());
            insert.setString(8, env.os());
            insert.setString(9, env.hostname());
            insert.setString(10, env.hyperlabVersion());
            insert.setString(11, env.javaVersion());
            insert.executeUpdate();
        }
    }

    static void insertTrial(Connection connection, long runId, Trial trial) throws SQLException {
        long trialId;
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO trials (run_id, test, number, started_at, finished_at) VALUES (?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, runId);
            insert.setString(2, trial.test());
            insert.setInt(3, trial.number());
            insert.setString(4, trial.startedAt().toString());
            insert.setString(5, trial.finishedAt().toString());
            insert.executeUpdate();
            trialId = generatedKey(insert);
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO measurements (trial_id, position, metric, unit, higher_is_better, value) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Measurement m : trial.measurements()) {
                insert.setLong(1, trialId);
                insert.setInt(2, position++);
                insert.setString(3, m.metric());
                insert.setString(4, m.unit());
                insert.setInt(5, m.higherIsBetter() ? 1 : 0);
                insert.setDouble(6, m.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("SQLite returned no row id");
            }
            return keys.getLong(1);
        }
    }
}
