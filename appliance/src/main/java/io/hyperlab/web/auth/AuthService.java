package io.hyperlab.web.auth;

import io.hyperlab.FileWrites;
import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.history.Accounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may use the daemon: the admin account made on first start (no default password), logins
 * with rate limiting, web sessions, API tokens and password changes. Every method blocks
 * (SQLite, Argon2): call it off the event loop.
 */
public final class AuthService {
    public static final String ADMIN = "admin";
    /**
     * The first-boot password's file in the data folder, readable by the daemon's user only, until
     * the password changes: the one place it is kept. The daemon writes a random one there on its
     * first start, unless a setup step (the appliance's first boot) already wrote one, which it adopts.
     */
    public static final String FIRST_BOOT_FILE = "first-boot-password";
    /**
     * The secret that lets a trusted local program (the appliance's SSH password hook, run by
     * root) say which remote address a login comes from; readable by the daemon's user (and root) only.
     */
    public static final String FORWARDER_SECRET_FILE = "login-forwarder.secret";
    static final Duration SESSION_IDLE = Duration.ofHours(12);
    private static final Duration TOKEN_USE_GRANULARITY = Duration.ofMinutes(1);
    private static final int MAX_TOKEN_NAME = 100;
    /** Verified against when the user does not exist, so that both cases take the same time. */
    private static final String DUMMY_HASH = Passwords.hash(Passwords.random());

    /** How long a checked session or token is trusted without asking the database again. */
    static final Duration REMEMBERED = Duration.ofSeconds(30);

    private final Accounts accounts;
    private final Path data;
    private final Clock clock;
    private final LoginLimiter limiter;
    /**
     * Sessions and tokens checked lately, by their hash: most requests are then let through
     * without a trip to the database. Every revocation goes through this class, which forgets
     * what it revokes at once.
     */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private volatile String forwarderSecret;

    private record Remembered(Principal principal, long tokenId, Instant until) {
    }

    public AuthService(Accounts accounts, Path data, Clock clock) {
        this.accounts = accounts;
        this.data = data;
        this.clock = clock;
        this.limiter = new LoginLimiter(clock);
    }

    /**
     * What the first start did about the admin's password, for the log.
     *
     * @param generatedPassword the random one-time password made now, or null
     * @param adoptedFirstBoot  true when the admin account took the password a setup step left in {@link #FIRST_BOOT_FILE}
     * @param refusedFirstBoot  why such a password was refused (a random one replaced it), or null
     */
    public record Bootstrap(String generatedPassword, Path passwordFile, boolean replacedFromFile,
                            boolean adoptedFirstBoot, String refusedFirstBoot) {
        Bootstrap(String generatedPassword, Path passwordFile, boolean replacedFromFile) {
            this(generatedPassword, passwordFile, replacedFromFile, false, null);
        }
    }

    /** A new web session: the cookie's value and who it is. */
    public record Login(String sessionId, Principal principal) {
    }

    /** A new API token: the secret is shown this once. */
    public record NewToken(long id, String name, String token, Instant createdAt) {
    }

    /**
     * Makes sure the admin account exists. A password file (given at setup) sets its password
     * when the file is newer than the last change. With none and no admin yet, the account takes
     * the first-boot password a setup step left in {@link #FIRST_BOOT_FILE}, or else a random one
     * is made, written there (mode 0600) and returned to be logged once. Either way that file
     * holds the admin's password until it is changed.
     */
    public Bootstrap bootstrap(Path passwordFile) {
        Optional<Accounts.User> admin = accounts.user(ADMIN);
        if (passwordFile != null) {
            String password = readPasswordFile(passwordFile);
            Instant written = modified(passwordFile);
            if (admin.isEmpty()) {
                accounts.createUser(ADMIN, Passwords.hash(password));
            } else if (written.isAfter(admin.get().passwordChangedAt())) {
                accounts.setPasswordHash(admin.get().id(), Passwords.hash(password), null);
            } else {
                return new Bootstrap(null, passwordFile, false);
            }
            deleteFirstBootFile();
            return new Bootstrap(null, passwordFile, true);
        }
        if (admin.isPresent()) {
            return new Bootstrap(null, null, false);
        }
        Path firstBoot = data.resolve(FIRST_BOOT_FILE);
        String refused = null;
        if (Files.exists(firstBoot)) {
            try {
                accounts.createUser(ADMIN, Passwords.hash(readPasswordFile(firstBoot)));
                return new Bootstrap(null, null, false, true, null);
            } catch (InvalidInputException e) {
                refused = e.getMessage();
            }
        }
        String password = Passwords.random();
        writeOwnerOnly(firstBoot, password + "\n");
        accounts.createUser(ADMIN, Passwords.hash(password));
        return new Bootstrap(password, null, false, false, refused);
    }

    /**
     * The forwarder's secret ({@link #FORWARDER_SECRET_FILE}), made when missing; read once, then
     * remembered. Only a program that can read the data folder (the daemon's user, root) can present it.
     */
    public String forwarderSecret() {
        String known = forwarderSecret;
        if (known != null) {
            return known;
        }
        Path file = data.resolve(FORWARDER_SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                writeOwnerOnly(file, Secrets.random() + "\n");
            }
            known = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new HyperLabException("cannot read " + file + ": " + e.getMessage() + "; check the data folder is readable", e);
        }
        forwarderSecret = known;
        return known;
    }

    /** Whether {@code presented} is the forwarder's secret (compared in constant time). */
    public boolean isForwarder(String presented) {
        return Secrets.same(forwarderSecret(), presented);
    }

    public Login login(String user, String password, String address) {
        limiter.retryAfter(address, user).ifPresent(wait -> {
            long seconds = Math.max(1, wait.toSeconds() + 1);
            throw new AuthException(429, "too_many_attempts", null,
                "too many failed logins; try again in " + seconds + " seconds", seconds);
        });
        Optional<Accounts.User> found = accounts.user(user);
        boolean good = Passwords.verify(password, found.map(Accounts.User::passwordHash).orElse(DUMMY_HASH)) && found.isPresent();
        if (!good) {
            limiter.failed(address, user);
            throw AuthException.unauthorized("wrong user name or password");
        }
        limiter.succeeded(address);
        String sessionId = Secrets.random();
        String csrf = Secrets.random();
        String hash = Secrets.sha256(sessionId);
        accounts.createSession(hash, found.get().id(), csrf, clock.instant().plus(SESSION_IDLE));
        return new Login(sessionId, new Principal(found.get().id(), user, hash, csrf));
    }

    /**
     * Who a session cookie or token is, if it was checked in the last {@link #REMEMBERED}: no
     * database, so the caller may ask on the event loop before going to {@link #session} or
     * {@link #token}.
     */
    public Optional<Principal> remembered(String sessionIdOrToken) {
        String hash = Secrets.sha256(sessionIdOrToken);
        Remembered known = remembered.get(hash);
        if (known == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(known.until())) {
            remembered.remove(hash, known);
            return Optional.empty();
        }
        return Optional.of(known.principal());
    }

    /** The live session with this cookie value; its idle limit moves on as it is used. */
    public Optional<Principal> session(String sessionId) {
        String hash = Secrets.sha256(sessionId);
        return accounts.session(hash).map(session -> {
            Instant now = clock.instant();
            Instant expires = session.expiresAt();
            if (Duration.between(now, expires).compareTo(SESSION_IDLE.dividedBy(2)) < 0) {
                expires = now.plus(SESSION_IDLE);
                accounts.extendSession(hash, expires);
            }
            Principal principal = new Principal(session.userId(), session.userName(), hash, session.csrfToken());
            Instant until = now.plus(REMEMBERED);
            remembered.put(hash, new Remembered(principal, -1, until.isBefore(expires) ? until : expires));
            return principal;
        });
    }

    public Optional<Principal> token(String token) {
        String hash = Secrets.sha256(token);
        return accounts.tokenOwner(hash).map(owner -> {
            Instant now = clock.instant();
            if (owner.lastUsedAt() == null || owner.lastUsedAt().plus(TOKEN_USE_GRANULARITY).isBefore(now)) {
                accounts.tokenUsed(owner.tokenId(), now);
            }
            Principal principal = new Principal(owner.userId(), owner.userName(), null, null);
            remembered.put(hash, new Remembered(principal, owner.tokenId(), now.plus(REMEMBERED)));
            return principal;
        });
    }

    public void logout(Principal principal) {
        if (principal.viaSession()) {
            remembered.remove(principal.sessionHash());
            accounts.deleteSession(principal.sessionHash());
        }
    }

    /** Sets a new password after checking the current one; the user's other sessions end. */
    public void changePassword(Principal principal, String current, String replacement) {
        Passwords.check("new", replacement);
        Accounts.User user = accounts.user(principal.user()).orElseThrow(() -> AuthException.unauthorized("the account is gone"));
        if (current == null || !Passwords.verify(current, user.passwordHash())) {
            throw AuthException.forbidden("wrong_password", "current", "the current password is wrong");
        }
        accounts.setPasswordHash(user.id(), Passwords.hash(replacement), principal.sessionHash());
        remembered.entrySet().removeIf(entry -> entry.getValue().principal().userId() == user.id()
            && entry.getValue().principal().viaSession() && !entry.getKey().equals(principal.sessionHash()));
        if (ADMIN.equals(user.name())) {
            deleteFirstBootFile();
        }
    }

    public NewToken createToken(Principal principal, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TOKEN_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "a token's name must be 1 to " + MAX_TOKEN_NAME
                + " characters without control characters, e.g. \"nightly script\"");
        }
        String token = "hl_" + Secrets.random();
        Accounts.Token stored = accounts.createToken(principal.userId(), trimmed, Secrets.sha256(token));
        return new NewToken(stored.id(), stored.name(), token, stored.createdAt());
    }

    public List<Accounts.Token> tokens(Principal principal) {
        return accounts.tokens(principal.userId());
    }

    public void revokeToken(Principal principal, long id) {
        accounts.revokeToken(principal.userId(), id);
        remembered.values().removeIf(known -> known.tokenId() == id);
    }

    /** Whether the request's CSRF token is this session's. */
    public static boolean csrfMatches(Principal principal, String presented) {
        return Secrets.same(principal.csrfToken(), presented);
    }

    private void deleteFirstBootFile() {
        try {
            Files.deleteIfExists(data.resolve(FIRST_BOOT_FILE));
        } catch (IOException e) {
            throw new HyperLabException("cannot delete the one-time password file " + data.resolve(FIRST_BOOT_FILE)
                + ": " + e.getMessage() + "; delete it by hand", e);
        }
    }

    private static String readPasswordFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the admin password file " + file + " (" + e.getClass().getSimpleName()
                + "): give a readable file holding the password on its first line");
        }
        String password = text.lines().findFirst().orElse("");
        try {
            return Passwords.check(null, password);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("the admin password file " + file + " is refused: " + e.getMessage());
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the admin password file " + file + ": " + e.getMessage());
        }
    }

    /** Writes a secret so that only this user can read it, replacing any earlier file at once. */
    public static void writeOwnerOnly(Path file, String content) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            FileWrites.replace(file, folder, "rw-------", content);
        } catch (IOException e) {
            throw new HyperLabException("cannot write " + file + ": " + e.getMessage() + "; check the data folder is writable", e);
        }
    }
}
