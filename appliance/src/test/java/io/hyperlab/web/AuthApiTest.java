package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.TestDaemon.Reply;
import io.hyperlab.web.TestDaemon.Session;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Who may use the API: sessions with CSRF, tokens that can be revoked, and nothing without either. */
@ExtendWith(VertxExtension.class)
class AuthApiTest {
    private static final Set<String> PUBLIC = Set.of("GET /api/v1/health", "POST /api/v1/login", "GET /metrics");
    private static final Pattern README_ROUTE = Pattern.compile("^\\| (GET|POST|PUT|DELETE|PATCH) \\| `([^`]+)` \\|", Pattern.MULTILINE);

    @TempDir
    static Path data;
    static TestDaemon lab;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        lab = TestDaemon.start(vertx, data);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void everyProtectedRouteRefusesARequestWithoutCredentials() {
        List<String> routes = lab.daemon.routes();
        assertTrue(routes.size() > 15, routes.toString());
        for (String route : routes) {
            if (PUBLIC.contains(route)) {
                continue;
            }
            String[] parts = route.split(" ");
            String path = parts[1].replace(":id", "1");
            for (Auth auth : List.of(Auth.NONE, Auth.token("hl_made-up"), new Session("made-up", "x"))) {
                Reply reply = lab.send(HttpMethod.valueOf(parts[0]), path, auth,
                    parts[0].equals("GET") ? null : "application/json", parts[0].equals("GET") ? null : "{}");
                reply.error(401, "unauthorized");
            }
        }
        assertEquals(200, lab.get("/api/v1/health", Auth.NONE).status());
        assertEquals(200, lab.get("/metrics", Auth.NONE).status());
    }

    @Test
    void theReadmeDocumentsEveryRouteTheDaemonServes() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> documented = new ArrayList<>();
        Matcher m = README_ROUTE.matcher(readme);
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2));
        }
        assertEquals(Set.copyOf(lab.daemon.routes()), Set.copyOf(documented));
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndSameSiteStrict() {
        Reply reply = lab.post("/api/v1/login", Auth.NONE, Map.of("username", "admin", "password", TestDaemon.PASSWORD));
        String cookie = reply.headers().getAll("Set-Cookie").get(0);
        assertTrue(cookie.startsWith(AuthApi.COOKIE + "="), cookie);
        for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Strict", "Path=/")) {
            assertTrue(cookie.toLowerCase(Locale.ROOT).contains(attribute.toLowerCase(Locale.ROOT)), cookie);
        }
        assertFalse(reply.body().contains(cookie.substring(AuthApi.COOKIE.length() + 1, cookie.indexOf(';'))), "the session id is only in the cookie");
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedAlike() {
        Reply wrong = lab.post("/api/v1/login", Auth.NONE, Map.of("username", "admin", "password", "not it at all"));
        Reply unknown = lab.post("/api/v1/login", Auth.NONE, Map.of("username", "root", "password", TestDaemon.PASSWORD));
        assertEquals(wrong.error(401, "unauthorized").get("message"), unknown.error(401, "unauthorized").get("message"));
        assertTrue(wrong.headers().getAll("Set-Cookie").isEmpty());
        assertTrue(lab.log().contains("\"event\":\"login_failed\""), "failed logins are logged");
    }

    @Test
    void stateChangingRequestsFromASessionNeedTheCsrfToken() {
        Session session = lab.login();
        assertEquals(200, lab.get("/api/v1/session", session.withoutCsrf()).status(), "reading needs no CSRF token");
        Reply missing = lab.post("/api/v1/tokens", session.withoutCsrf(), Map.of("name", "x"));
        assertEquals(AuthApi.CSRF_HEADER, missing.error(403, "csrf").get("field").asText());
        lab.post("/api/v1/tokens", new Session(session.cookie(), "forged"), Map.of("name", "x")).error(403, "csrf");
        lab.post("/api/v1/tokens", new Session(session.cookie(), lab.login().csrf()), Map.of("name", "x")).error(403, "csrf");
        assertEquals(201, lab.post("/api/v1/tokens", session, Map.of("name", "with csrf")).status());
        assertTrue(lab.get("/api/v1/tokens", session).body().contains("with csrf"));
        assertFalse(lab.get("/api/v1/tokens", session).body().contains("\"x\""), "refused requests stored nothing");
    }

    @Test
    void aTokenWorksWithoutCsrfAndStopsWhenRevoked() {
        Session session = lab.login();
        String token = lab.newToken(session, "script");
        Auth bearer = Auth.token(token);
        assertEquals("token", lab.get("/api/v1/session", bearer).json().get("via").asText());
        assertEquals(200, lab.get("/api/v1/runs", bearer).status());
        long id = -1;
        for (var listed : lab.get("/api/v1/tokens", bearer).json()) {
            if (listed.get("name").asText().equals("script")) {
                id = listed.get("id").asLong();
            }
        }
        assertEquals(204, lab.delete("/api/v1/tokens/" + id, session).status());
        lab.get("/api/v1/runs", bearer).error(401, "unauthorized");
        lab.delete("/api/v1/tokens/" + id, session).error(404, "not_found");
    }

    @Test
    void logoutEndsTheSession() {
        Session session = lab.login();
        assertEquals(204, lab.post("/api/v1/logout", session, null).status());
        lab.get("/api/v1/session", session).error(401, "unauthorized");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        Session mine = lab.login();
        Session other = lab.login();
        Reply wrong = lab.post("/api/v1/account/password", mine, Map.of("current", "nope", "new", "a long new password"));
        assertEquals("current", wrong.error(403, "wrong_password").get("field").asText());
        Reply tooShort = lab.post("/api/v1/account/password", mine, Map.of("current", TestDaemon.PASSWORD, "new", "short"));
        assertEquals("new", tooShort.error(400, "invalid_input").get("field").asText());
        assertEquals(200, lab.get("/api/v1/session", other).status(), "refused changes end no session");

        assertEquals(204, lab.post("/api/v1/account/password", mine, Map.of("current", TestDaemon.PASSWORD, "new", "a long new password")).status());
        lab.get("/api/v1/session", other).error(401, "unauthorized");
        assertEquals(200, lab.get("/api/v1/session", mine).status());
        lab.post("/api/v1/login", Auth.NONE, Map.of("username", "admin", "password", TestDaemon.PASSWORD)).error(401, "unauthorized");
        assertEquals(204, lab.post("/api/v1/account/password", mine, Map.of("current", "a long new password", "new", TestDaemon.PASSWORD)).status());
    }

    @Test
    void passwordsAndTokensAreStoredOnlyAsHashes() throws Exception {
        Session session = lab.login();
        String token = lab.newToken(session, "hash check");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("hyperlab.db"));
             Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT password_hash FROM users WHERE name = 'admin'")) {
                String hash = rs.getString(1);
                assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
                assertFalse(hash.contains(TestDaemon.PASSWORD));
            }
            try (ResultSet rs = s.executeQuery("SELECT token_hash FROM api_tokens WHERE name = 'hash check'")) {
                String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
                assertEquals(expected, rs.getString(1));
                assertNotEquals(token, rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sessions WHERE id_hash = '" + session.cookie() + "'")) {
                assertEquals(0, rs.getInt(1), "session ids are stored hashed");
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lab.daemon.certificate().keyFile())));
        assertFalse(lab.log().contains(TestDaemon.PASSWORD), "a password given in a file is never logged");
    }
}
