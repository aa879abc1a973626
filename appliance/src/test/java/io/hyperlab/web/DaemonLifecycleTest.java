package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import io.hyperlab.web.auth.AuthService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First start, restarts and setup: the one-time password, the kept certificate, a password given in a file. */
class DaemonLifecycleTest {
    @TempDir
    Path data;

    private record Started(Daemon daemon, String log) {
    }

    private Started start(Path passwordFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Daemon daemon = Daemon.start(new DaemonConfig("127.0.0.1", 0, true, data, passwordFile),
            new Log(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return new Started(daemon, out.toString(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> lines(String log) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            lines.add(Json.MAPPER.readTree(line));
        }
        return lines;
    }

    @Test
    void firstStartLogsAOneTimePasswordOnceAndKeepsTheCertificate() throws Exception {
        Started first = start(null);
        String password;
        String fingerprint;
        try (Daemon daemon = first.daemon()) {
            List<JsonNode> log = lines(first.log());
            JsonNode created = log.stream().filter(l -> l.get("event").asText().equals("admin_password_created")).findFirst().orElseThrow();
            password = created.get("password").asText();
            assertTrue(password.matches("[A-Za-z2-9]{20}"), password);
            assertEquals(password + "\n", Files.readString(data.resolve(AuthService.FIRST_BOOT_FILE)));
            assertEquals("rw-------", perms(data.resolve(AuthService.FIRST_BOOT_FILE)));
            assertEquals("rw-------", perms(daemon.certificate().keyFile()));
            assertEquals("rwx------", perms(data), "only the daemon's user may enter the data folder");
            JsonNode listening = log.stream().filter(l -> l.get("event").asText().equals("listening")).findFirst().orElseThrow();
            assertEquals(daemon.url(), listening.get("url").asText());
            assertTrue(daemon.url().startsWith("https://127.0.0.1:" + daemon.port()), daemon.url());
            for (JsonNode line : log) {
                assertTrue(line.has("time") && line.has("level") && line.has("msg"), line.toString());
            }
            fingerprint = daemon.certificate().fingerprint();
            assertEquals(fingerprint, servedFingerprint(daemon.port()), "the fingerprint logged is the certificate served");
            assertTrue(first.log().contains(fingerprint));
            assertEquals(200, login(daemon, password));
        }
        Started second = start(null);
        try (Daemon daemon = second.daemon()) {
            assertFalse(second.log().contains(password), "the password is logged once only");
            assertFalse(second.log().contains("admin_password_created"));
            assertEquals(fingerprint, daemon.certificate().fingerprint(), "the certificate is kept");
            assertFalse(daemon.certificate().created());
            assertEquals(200, login(daemon, password));
            assertEquals(401, login(daemon, "admin"), "there is no default password");
        }
    }

    @Test
    void aPasswordFileSetsThePasswordWhenNewerThanTheLastChange() throws Exception {
        start(null).daemon().close();
        Path file = data.resolve("setup-password");
        Files.writeString(file, "set at import time\n");
        Started withFile = start(file);
        try (Daemon daemon = withFile.daemon()) {
            assertTrue(withFile.log().contains("admin_password_set"), withFile.log());
            assertFalse(withFile.log().contains("set at import time"));
            assertFalse(Files.exists(data.resolve(AuthService.FIRST_BOOT_FILE)), "the one-time password is gone once replaced");
            assertEquals(200, login(daemon, "set at import time"));
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.writeString(data.resolve("older"), "an older file's password\n");
        Files.setLastModifiedTime(data.resolve("older"), FileTime.from(Instant.now().minusSeconds(3600)));
        Started older = start(data.resolve("older"));
        try (Daemon daemon = older.daemon()) {
            assertTrue(older.log().contains("admin_password_kept"), older.log());
            assertEquals(200, login(daemon, "set at import time"));
        }
    }

    @Test
    void aFirstBootPasswordLeftBySetupIsAdoptedAndKeptUntilChanged() throws Exception {
        Files.writeString(data.resolve(AuthService.FIRST_BOOT_FILE), "Given-At-Import-1\n");
        Started first = start(null);
        try (Daemon daemon = first.daemon()) {
            assertTrue(first.log().contains("admin_password_adopted"), first.log());
            assertFalse(first.log().contains("Given-At-Import-1"), "the adopted password is not logged");
            assertFalse(first.log().contains("admin_password_created"));
            assertEquals(200, login(daemon, "Given-At-Import-1"));
            assertEquals("Given-At-Import-1\n", Files.readString(data.resolve(AuthService.FIRST_BOOT_FILE)),
                "the file still holds the password in use, for the console to show");
        }
        Files.writeString(data.resolve(AuthService.FIRST_BOOT_FILE), "Another-One-2\n");
        try (Daemon daemon = start(null).daemon()) {
            assertEquals(200, login(daemon, "Given-At-Import-1"), "adopted once, when the account is made; never again");
            assertEquals(401, login(daemon, "Another-One-2"));
        }
    }

    @Test
    void aFirstBootPasswordTooShortIsReplacedByARandomOne() throws Exception {
        Files.writeString(data.resolve(AuthService.FIRST_BOOT_FILE), "short\n");
        Started first = start(null);
        try (Daemon daemon = first.daemon()) {
            assertTrue(first.log().contains("first_boot_password_refused") && first.log().contains("at least 10 characters"), first.log());
            String password = Files.readString(data.resolve(AuthService.FIRST_BOOT_FILE)).strip();
            assertTrue(password.matches("[A-Za-z2-9]{20}"), password);
            assertEquals(200, login(daemon, password));
            assertEquals(401, login(daemon, "short"));
        }
    }

    @Test
    void aBadPasswordFileStopsTheStartWithAMessage() throws Exception {
        Path file = data.resolve("short");
        Files.writeString(file, "short\n");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> start(file));
        assertTrue(refused.getMessage().contains("at least 10 characters"), refused.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> start(data.resolve("none")));
        assertTrue(missing.getMessage().contains("cannot read the admin password file"), missing.getMessage());
    }

    @Test
    void plainHttpIsOnlyForLoopback() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
            () -> new DaemonConfig("0.0.0.0", 8080, false, data, null));
        assertEquals("bind", refused.field());
        assertTrue(refused.getMessage().contains("only on loopback"), refused.getMessage());
        assertEquals("127.0.0.1", new DaemonConfig(null, 8080, false, data, null).bind());
        assertEquals("0.0.0.0", new DaemonConfig(null, 8443, true, data, null).bind());
        assertEquals("port", assertThrows(InvalidInputException.class, () -> new DaemonConfig(null, 70000, true, data, null)).field());
        assertEquals("bind", assertThrows(InvalidInputException.class,
            () -> new DaemonConfig("no.such.host.invalid", 8443, true, data, null)).field());
    }

    @Test
    void plainHttpOnLoopbackServesWithoutTheSecureCookieFlag() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Daemon daemon = Daemon.start(new DaemonConfig(null, 0, false, data, null), new Log(new PrintStream(out, true, StandardCharsets.UTF_8)))) {
            assertTrue(daemon.url().startsWith("http://127.0.0.1:"), daemon.url());
            String password = Files.readString(data.resolve(AuthService.FIRST_BOOT_FILE)).strip();
            HttpResponse<String> response = HttpClient.newHttpClient().send(loginRequest(daemon.url(), password),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
            assertFalse(cookie.contains("Secure"), cookie);
            assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        }
    }

    private static String perms(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static HttpRequest loginRequest(String url, String password) {
        return HttpRequest.newBuilder(URI.create(url + "api/v1/login")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build();
    }

    private static int login(Daemon daemon, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(RawHttps.trustAll()).build();
        return client.send(loginRequest("https://127.0.0.1:" + daemon.port() + "/", password), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    }

    /** The SHA-256 of the certificate the server presents in the TLS handshake. */
    private static String servedFingerprint(int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) RawHttps.trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return Certificate.fingerprint((X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }
}
