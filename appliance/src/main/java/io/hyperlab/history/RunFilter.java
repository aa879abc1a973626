package io.hyperlab.history;

import io.hyperlab.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which runs to list: each criterion is optional (null); {@code since} and {@code until} bound
 * the start time (inclusive, exclusive). A page holds at most {@code limit} runs, newest first,
 * after skipping {@code offset}.
 */
public record RunFilter(String label, String suite, RunStatus status, Instant since, Instant until, int limit, int offset) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public RunFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must be 0 or more, not " + offset);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidInputException("until", "until (" + until + ") must be after since (" + since + ")");
        }
    }

    /** Every run, first page. */
    public static RunFilter all() {
        return new RunFilter(null, null, null, null, null, DEFAULT_LIMIT, 0);
    }

    static RunPage page(Connection connection, String runColumns, RunFilter filter) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.label != null) {
            where.append(" AND r.label = ?");
            parameters.add(filter.label);
        }
        if (filter.suite != null) {
            where.append(" AND r.suite = ?");
            parameters.add(filter.suite);
        }
        if (filter.status != null) {
            where.append(" AND r.status = ?");
            parameters.add(filter.status.id());
        }
        // Stored times are ISO-8601 text whose fraction varies in length: compare them as times.
        if (filter.since != null) {
            where.append(" AND julianday(r.started_at) >= julianday(?)");
            parameters.add(filter.since.toString());
        }
        if (filter.until != null) {
            where.append(" AND julianday(r.started_at) < julianday(?)");
            parameters.add(filter.until.toString());
        }
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM runs r" + where)) {
            bind(count, parameters);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<RunInfo> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(runColumns + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?")) {
            bind(select, parameters);
            select.setInt(parameters.size() + 1, filter.limit);
            select.setInt(parameters.size() + 2, filter.offset);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.add(History.runInfo(rs));
                }
            }
        }
        return new RunPage(runs, total, filter.limit, filter.offset);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
