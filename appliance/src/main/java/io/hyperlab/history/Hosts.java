package io.hyperlab.history;

import io.hyperlab.ConflictException;
import io.hyperlab.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The hosts table: our name for each hypervisor host and how to reach it. */
public final class Hosts {
    private final History history;

    Hosts(History history) {
        this.history = history;
    }

    /** Stores a host; one with a password only in a database that its owner alone can read. */
    public void add(HostRow host) {
        if (host.password() != null && !Database.ownerOnly(history.file())) {
            throw new io.hyperlab.HyperLabException("refusing to store a password in " + history.file()
                + ": its file system does not keep it readable by its owner only; choose a --data folder on a Linux file system");
        }
        history.transaction(() -> {
            if (find(host.name()) != null) {
                throw new ConflictException("a host named '" + host.name() + "' is already stored; remove it first"
                    + " (hyperlab host remove " + host.name() + ") or choose another name");
            }
            try (PreparedStatement insert = history.connection().prepareStatement(
                "INSERT INTO hosts (name, kind, uri, user, password, fingerprint, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, host.name());
                insert.setString(2, host.kind());
                insert.setString(3, host.uri());
                insert.setString(4, host.user());
                insert.setString(5, host.password());
                insert.setString(6, host.fingerprint());
                insert.setString(7, host.addedAt().toString());
                insert.executeUpdate();
            }
            return null;
        });
    }

    public List<HostRow> list() {
        return history.query(() -> {
            List<HostRow> hosts = new ArrayList<>();
            try (PreparedStatement select = history.connection().prepareStatement("SELECT * FROM hosts ORDER BY name");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    hosts.add(row(rs));
                }
            }
            return hosts;
        });
    }

    public HostRow get(String name) {
        HostRow host = history.query(() -> find(name));
        if (host == null) {
            throw new NotFoundException("no host '" + name + "' is stored (see: hyperlab host list; add one with hyperlab host add)");
        }
        return host;
    }

    public void remove(String name) {
        history.transaction(() -> {
            try (PreparedStatement delete = history.connection().prepareStatement("DELETE FROM hosts WHERE name = ?")) {
                delete.setString(1, name);
                if (delete.executeUpdate() == 0) {
                    throw new NotFoundException("no host '" + name + "' is stored (see: hyperlab host list)");
                }
            }
            return null;
        });
    }

    private HostRow find(String name) throws SQLException {
        try (PreparedStatement select = history.connection().prepareStatement("SELECT * FROM hosts WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static HostRow row(ResultSet rs) throws SQLException {
        return new HostRow(rs.getString("name"), rs.getString("kind"), rs.getString("uri"), rs.getString("user"),
            rs.getString("password"), rs.getString("fingerprint"), Instant.parse(rs.getString("added_at")));
    }
}
