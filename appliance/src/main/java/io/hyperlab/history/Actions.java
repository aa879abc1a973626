package io.hyperlab.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The actions table: every setup action, written when it starts and again when it ends. */
public final class Actions {
    private final History history;

    Actions(History history) {
        this.history = history;
    }

    /** Records an action as running; returns its id for {@link #finish}. */
    public long start(String actor, String host, String action, String parametersJson) {
        return history.transaction(() -> {
            try (PreparedStatement insert = history.connection().prepareStatement(
                "INSERT INTO actions (started_at, actor, host, action, parameters, outcome, owner_pid, owner_started)"
                    + " VALUES (?, ?, ?, ?, ?, 'running', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, History.now().toString());
                insert.setString(2, actor);
                insert.setString(3, host);
                insert.setString(4, action);
                insert.setString(5, parametersJson);
                Owner owner = Owner.current();
                insert.setLong(6, owner.pid());
                insert.setString(7, owner.started());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Ends an action: succeeded, or failed with the error text. */
    public void finish(long id, String error) {
        history.transaction(() -> {
            try (PreparedStatement update = history.connection().prepareStatement(
                "UPDATE actions SET finished_at = ?, outcome = ?, error = ? WHERE id = ? AND outcome = 'running'")) {
                update.setString(1, History.now().toString());
                update.setString(2, error == null ? "succeeded" : "failed");
                update.setString(3, error);
                update.setLong(4, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Marks failed every action still running whose process is gone (killed before it could say how it ended). */
    void recoverAbandoned() {
        List<Long> abandoned = history.query(() -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = history.connection().prepareStatement(
                "SELECT id, owner_pid, owner_started FROM actions WHERE outcome = 'running' AND owner_pid IS NOT NULL");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (!new Owner(rs.getLong(2), rs.getString(3)).isAlive()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
        for (long id : abandoned) {
            finish(id, "its process ended before the action finished; check the host for what it left");
        }
    }

    /** Every action, oldest first; only those on {@code host} when it is not null. */
    public List<ActionRow> list(String host) {
        return history.query(() -> {
            List<ActionRow> actions = new ArrayList<>();
            try (PreparedStatement select = history.connection().prepareStatement(
                "SELECT * FROM actions" + (host == null ? "" : " WHERE host = ?") + " ORDER BY id")) {
                if (host != null) {
                    select.setString(1, host);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        actions.add(row(rs));
                    }
                }
            }
            return actions;
        });
    }

    private static ActionRow row(ResultSet rs) throws SQLException {
        String finished = rs.getString("finished_at");
        return new ActionRow(rs.getLong("id"), Instant.parse(rs.getString("started_at")),
            finished == null ? null : Instant.parse(finished), rs.getString("actor"), rs.getString("host"),
            rs.getString("action"), rs.getString("parameters"), rs.getString("outcome"), rs.getString("error"));
    }
}
