package io.hyperlab.history;

import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.NotFoundException;
import io.hyperlab.bench.env.Environment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQLite history of every run: one file, WAL mode, foreign keys on, schema brought up to
 * date on open; the file and its journals are readable by their owner only, since the history
 * also keeps host passwords. Opening it also marks as interrupted every run whose process is gone, keeping
 * the trials that process finished. One instance serves one process; its methods are
 * thread-safe.
 */
public final class History implements AutoCloseable {
    public static final String FILE_NAME = "hyperlab.db";

    private final Path file;
    private final Connection connection;
    private final List<Long> recovered;

    private History(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        Migrations.apply(connection, file);
        this.recovered = recoverInterrupted();
        actions().recoverAbandoned();
    }

    /** Opens (creating it if needed) the history in {@code folder}/hyperlab.db. */
    public static History openIn(Path folder) {
        return open(folder.resolve(FILE_NAME));
    }

    public static History open(Path file) {
        Database.checkUsable(file);
        Connection connection = Database.connect(file);
        Database.restrictToOwner(file);
        try {
            return new History(file, connection);
        } catch (SQLException e) {
            Database.closeQuietly(connection);
            throw Database.failure(file, e);
        } catch (RuntimeException e) {
            Database.closeQuietly(connection);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The runs this open found abandoned by their process and marked interrupted. */
    public List<Long> recoveredRuns() {
        return recovered;
    }

    /** Records a new run, status running, owned by this process. */
    public synchronized long startRun(String suite, String label, String optionsJson, Environment env) {
        return transaction(() -> {
            long id = RunWriter.insertRun(connection, RunWriter.newUid(), suite, label, RunStatus.RUNNING, optionsJson, now(),
                null, null, Owner.current(), null);
            RunWriter.insertEnvironment(connection, id, env);
            return id;
        });
    }

    /** Stores a completed trial with all its measurements, or nothing of it. */
    public synchronized void addTrial(long runId, Trial trial) {
        transaction(() -> {
            RunWriter.insertTrial(connection, runId, trial);
            return null;
        });
    }

    /**
     * Stores imported runs, all or none. A run whose uid is already in the history is refused
     * (nothing is stored) unless {@code skipExisting}, which leaves it out. Returns the new runs' ids by uid.
     */
    public synchronized Map<String, Long> importRuns(List<ImportedRun> runs, boolean skipExisting) {
        return transaction(() -> {
            Map<String, Long> ids = new LinkedHashMap<>();
            for (ImportedRun run : runs) {
                Long existing = runWithUid(run.uid());
                if (existing != null && skipExisting) {
                    continue;
                }
                if (existing != null) {
                    throw new ConflictException("run \"" + run.label() + "\" started " + run.startedAt() + " is already in the history as run "
                        + existing + " (the same file was imported before, or the run came from here); nothing was imported."
                        + " Delete run " + existing + " first, or import with --skip-existing to add only the runs not yet here");
                }
                long id = RunWriter.insertRun(connection, run.uid(), run.suite(), run.label(), run.status(), run.options(),
                    run.startedAt(), run.finishedAt(), run.error(), null, run.origin());
                RunWriter.insertEnvironment(connection, id, run.environment());
                for (Trial trial : run.trials()) {
                    RunWriter.insertTrial(connection, id, trial);
                }
                ids.put(run.uid(), id);
            }
            return ids;
        });
    }

    /** Gives a running run its final status; a run already final is left as it is. */
    public synchronized void finishRun(long runId, RunStatus status, String error) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run cannot finish as running");
        }
        transaction(() -> {
            try (PreparedStatement update = connection.prepareStatement(
                "UPDATE runs SET status = ?, finished_at = ?, error = ? WHERE id = ? AND status = 'running'")) {
                update.setString(1, status.id());
                update.setString(2, now().toString());
                update.setString(3, error);
                update.setLong(4, runId);
                update.executeUpdate();
            }
            return null;
        });
    }

    public synchronized List<RunInfo> listRuns() {
        return query(() -> {
            List<RunInfo> runs = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(RUN_COLUMNS + " ORDER BY r.id")) {
                while (rs.next()) {
                    runs.add(runInfo(rs));
                }
            }
            return runs;
        });
    }

    /** One page of the runs that pass {@code filter}, newest first, with how many pass it in all. */
    public synchronized RunPage listRuns(RunFilter filter) {
        return query(() -> RunFilter.page(connection, RUN_COLUMNS, filter));
    }

    /** Every label a run was stored under, in alphabetical order. */
    public synchronized List<String> labels() {
        return query(() -> {
            List<String> labels = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT DISTINCT label FROM runs ORDER BY label")) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
            return labels;
        });
    }

    /** Per test and metric, the mean of the latest completed run that measured it. */
    public List<LatestResult> latestResults() {
        return read(LatestResult::query);
    }

    /** The user accounts, web sessions and API tokens of the daemon, kept in this same file. */
    public Accounts accounts() {
        return new Accounts(this);
    }

    public synchronized RunRecord run(long id) {
        return query(() -> {
            RunInfo info;
            String options;
            try (PreparedStatement select = connection.prepareStatement(RUN_COLUMNS + " WHERE r.id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("no run " + id + " in the history (see: hyperlab history list)");
                    }
                    info = runInfo(rs);
                    options = rs.getString("options");
                }
            }
            return new RunRecord(info, options, environment(id), trials(id));
        });
    }

    /** Every run with this label, oldest first, with its trials. */
    public synchronized List<RunRecord> runsLabelled(String label) {
        return query(() -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM runs WHERE label = ? ORDER BY id")) {
                select.setString(1, label);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<RunRecord> records = new ArrayList<>();
            for (long id : ids) {
                records.add(run(id));
            }
            return records;
        });
    }

    /** Deletes a run with its trials and environment; a run still going in a live process is refused. */
    public synchronized void deleteRun(long id) {
        RunInfo info = run(id).run();
        if (info.status() == RunStatus.RUNNING) {
            throw new ConflictException("run " + id + " is still running; cancel it (Ctrl-C in its terminal, or the"
                + " daemon's cancel) before deleting it");
        }
        transaction(() -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM runs WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        Database.closeQuietly(connection);
    }

    private List<Long> recoverInterrupted() throws SQLException {
        Map<Long, Owner> running = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, owner_pid, owner_started FROM runs WHERE status = 'running'")) {
            while (rs.next()) {
                running.put(rs.getLong(1), new Owner(rs.getLong(2), rs.getString(3)));
            }
        }
        List<Long> interrupted = new ArrayList<>();
        for (Map.Entry<Long, Owner> entry : running.entrySet()) {
            Owner owner = entry.getValue();
            if (!owner.isAlive()) {
                finishRun(entry.getKey(), RunStatus.INTERRUPTED,
                    "its process (pid " + owner.pid() + ") ended before the run finished");
                interrupted.add(entry.getKey());
            }
        }
        return List.copyOf(interrupted);
    }

    private static final String RUN_COLUMNS = "SELECT r.id, r.uid, r.suite, r.label, r.status, r.options, r.started_at,"
        + " r.finished_at, r.error, r.source, r.source_file, r.imported_at, (SELECT count(*) FROM trials t WHERE t.run_id = r.id) AS trial_count FROM runs r";

    static RunInfo runInfo(ResultSet rs) throws SQLException {
        String finished = rs.getString("finished_at");
        String source = rs.getString("source");
        return new RunInfo(
            rs.getLong("id"),
            rs.getString("uid"),
            rs.getString("suite"),
            rs.getString("label"),
            RunStatus.of(rs.getString("status")),
            Instant.parse(rs.getString("started_at")),
            finished == null ? null : Instant.parse(finished),
            rs.getString("error"),
            rs.getInt("trial_count"),
            source == null ? null
                : new RunInfo.Imported(source, rs.getString("source_file"), Instant.parse(rs.getString("imported_at"))));
    }

    private Environment environment(long runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM environments WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Environment(
                    rs.getString("hypervisor"),
                    rs.getString("guest_type"),
                    rs.getString("cpu_model"),
                    rs.getInt("cpu_count"),
                    rs.getLong("memory_bytes"),
                    rs.getString("kernel"),
                    rs.getString("os"),
                    rs.getString("hostname"),
                    rs.getString("hyperlab_version"),
                    rs.getString("java_version"));
            }
        }
    }

    private List<Trial> trials(long runId) throws SQLException {
        record Row(String test, int number, Instant started, Instant finished, List<Measurement> measurements) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
            "SELECT t.id, t.test, t.number, t.started_at, t.finished_at, m.metric, m.unit, m.higher_is_better, m.value"
                + " FROM trials t JOIN measurements m ON m.trial_id = t.id WHERE t.run_id = ? ORDER BY t.id, m.position")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long trialId = rs.getLong("id");
                    Row row = rows.get(trialId);
                    if (row == null) {
                        row = new Row(rs.getString("test"), rs.getInt("number"), Instant.parse(rs.getString("started_at")),
                            Instant.parse(rs.getString("finished_at")), new ArrayList<>());
                        rows.put(trialId, row);
                    }
                    row.measurements().add(new Measurement(rs.getString("metric"), rs.getString("unit"),
                        rs.getInt("higher_is_better") == 1, rs.getDouble("value")));
                }
            }
        }
        return rows.values().stream()
            .map(row -> new Trial(row.test(), row.number(), row.started(), row.finished(), row.measurements()))
            .toList();
    }

    private Long runWithUid(String uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM runs WHERE uid = ?")) {
            select.setString(1, uid);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The registry of hypervisor hosts kept in this history. */
    public Hosts hosts() {
        return new Hosts(this);
    }

    /** The log of setup actions (hosts, VMs, ISO libraries, networks) kept in this history. */
    public Actions actions() {
        return new Actions(this);
    }

    Connection connection() {
        return connection;
    }

    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Work on this history's connection, for the other stores of this package. */
    interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    synchronized <T> T read(SqlFunction<T> work) {
        return query(() -> work.apply(connection));
    }

    synchronized <T> T write(SqlFunction<T> work) {
        return transaction(() -> work.apply(connection));
    }

    synchronized <T> T query(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw Database.failure(file, e);
        }
    }

    synchronized <T> T transaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Database.failure(file, e);
        }
    }
}
