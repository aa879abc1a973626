package io.hyperlab.history;

import io.hyperlab.ConflictException;
import io.hyperlab.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's users, web sessions and API tokens, stored beside the runs. This class only
 * stores: callers hash passwords (Argon2id) and secrets (SHA-256) before they reach it.
 */
public final class Accounts {
    private final History history;

    Accounts(History history) {
        this.history = history;
    }

    /** A user as stored: the password only as its hash. */
    public record User(long id, String name, String passwordHash, Instant passwordChangedAt) {
    }

    /** A live web session, found by the hash of its id. */
    public record Session(String idHash, long userId, String userName, String csrfToken, Instant expiresAt) {
    }

    /** An API token as its owner sees it: never the secret. */
    public record Token(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /** Whose a presented token is. */
    public record TokenOwner(long tokenId, long userId, String userName, Instant lastUsedAt) {
    }

    public int userCount() {
        return history.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    public Optional<User> user(String name) {
        return history.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                "SELECT id, name, password_hash, password_changed_at FROM users WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                        ? Optional.of(new User(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))))
                        : Optional.empty();
                }
            }
        });
    }

    public User createUser(String name, String passwordHash) {
        Instant now = now();
        long id = history.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO users (name, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.setString(2, passwordHash);
                insert.setString(3, now.toString());
                insert.setString(4, now.toString());
                insert.executeUpdate();
                return key(insert);
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                    throw new ConflictException("a user named '" + name + "' already exists");
                }
                throw e;
            }
        });
        return new User(id, name, passwordHash, now);
    }

    /** Sets a new password hash and ends the user's sessions, but for the one kept (may be null). */
    public void setPasswordHash(long userId, String passwordHash, String keepSessionHash) {
        history.write(c -> {
            try (PreparedStatement update = c.prepareStatement(
                "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?")) {
                update.setString(1, passwordHash);
                update.setString(2, now().toString());
                update.setLong(3, userId);
                if (update.executeUpdate() == 0) {
                    throw new NotFoundException("no user " + userId);
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?")) {
                delete.setLong(1, userId);
                delete.setString(2, keepSessionHash);
                delete.executeUpdate();
            }
            return null;
        });
    }

    public void createSession(String idHash, long userId, String csrfToken, Instant expiresAt) {
        history.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
                delete.setLong(1, now().toEpochMilli());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, idHash);
                insert.setLong(2, userId);
                insert.setString(3, csrfToken);
                insert.setString(4, now().toString());
                insert.setLong(5, expiresAt.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The session with this id hash, if it exists and has not expired. */
    public Optional<Session> session(String idHash) {
        return history.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                "SELECT s.user_id, u.name, s.csrf_token, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id"
                    + " WHERE s.id_hash = ? AND s.expires_at >= ?")) {
                select.setString(1, idHash);
                select.setLong(2, now().toEpochMilli());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next()
                        ? Optional.of(new Session(idHash, rs.getLong(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))))
                        : Optional.empty();
                }
            }
        });
    }

    public void extendSession(String idHash, Instant expiresAt) {
        history.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE sessions SET expires_at = ? WHERE id_hash = ?")) {
                update.setLong(1, expiresAt.toEpochMilli());
                update.setString(2, idHash);
                update.executeUpdate();
            }
            return null;
        });
    }

    public void deleteSession(String idHash) {
        history.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
                delete.setString(1, idHash);
                delete.executeUpdate();
            }
            return null;
        });
    }

    public Token createToken(long userId, String name, String tokenHash) {
        Instant now = now();
        long id = history.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, userId);
                insert.setString(2, name);
                insert.setString(3, tokenHash);
                insert.setString(4, now.toString());
                insert.executeUpdate();
                return key(insert);
            }
        });
        return new Token(id, name, now, null);
    }

    public List<Token> tokens(long userId) {
        return history.read(c -> {
            List<Token> tokens = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY id")) {
                select.setLong(1, userId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String used = rs.getString(4);
                        tokens.add(new Token(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
                            used == null ? null : Instant.parse(used)));
                    }
                }
            }
            return tokens;
        });
    }

    public Optional<TokenOwner> tokenOwner(String tokenHash) {
        return history.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                "SELECT t.id, t.user_id, u.name, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id"
                    + " WHERE t.token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String used = rs.getString(4);
                    return Optional.of(new TokenOwner(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        used == null ? null : Instant.parse(used)));
                }
            }
        });
    }

    public void tokenUsed(long tokenId, Instant at) {
        history.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")) {
                update.setString(1, at.truncatedTo(ChronoUnit.MILLIS).toString());
                update.setLong(2, tokenId);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Revokes one of the user's tokens: it stops working at once. */
    public void revokeToken(long userId, long tokenId) {
        history.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM api_tokens WHERE id = ? AND user_id = ?")) {
                delete.setLong(1, tokenId);
                delete.setLong(2, userId);
                if (delete.executeUpdate() == 0) {
                    throw new NotFoundException("no API token " + tokenId + " of this user (see GET /api/v1/tokens)");
                }
            }
            return null;
        });
    }

    private static long key(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
