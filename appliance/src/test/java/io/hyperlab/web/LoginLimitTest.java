package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.auth.AuthService;
import java.nio.file.Files;
import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Failed logins through the API are limited: its own daemon per test, since it blocks this address. */
@ExtendWith(VertxExtension.class)
class LoginLimitTest {
    @Test
    void afterTenFailuresFromAnAddressEvenTheRightPasswordWaits(Vertx vertx, @TempDir Path data) throws Exception {
        try (TestDaemon lab = TestDaemon.start(vertx, data)) {
            for (int i = 0; i < 10; i++) {
                lab.post("/api/v1/login", Auth.NONE, Map.of("username", "admin", "password", "guess " + i)).error(401, "unauthorized");
            }
            Reply limited = lab.post("/api/v1/login", Auth.NONE, Map.of("username", "admin", "password", TestDaemon.PASSWORD));
            var error = limited.error(429, "too_many_attempts");
            long retry = Long.parseLong(limited.headers().get("Retry-After"));
            assertTrue(retry > 800 && retry <= 901, "Retry-After " + retry);
            assertTrue(error.get("message").asText().contains("try again in"), error.toString());
            assertEquals(200, lab.get("/api/v1/health", Auth.NONE).status());
        }
    }

    /** What the appliance's SSH password hook sends: the SSH client's address, vouched for by the forwarder's secret. */
    private static Auth forwardedFrom(String client, String secret) {
        return request -> request.putHeader(AuthApi.CLIENT_ADDRESS_HEADER, client).putHeader(AuthApi.FORWARDER_HEADER, secret);
    }

    @Test
    void failedSshPasswordsCountAgainstTheSshClientNotAgainstLoopback(Vertx vertx, @TempDir Path data) throws Exception {
        try (TestDaemon lab = TestDaemon.start(vertx, data)) {
            String secret = Files.readString(data.resolve(AuthService.FORWARDER_SECRET_FILE)).strip();
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(AuthService.FORWARDER_SECRET_FILE))));
            for (int i = 0; i < 10; i++) {
                lab.post("/api/v1/login", forwardedFrom("192.0.2.7", secret), Map.of("username", "admin", "password", "ssh guess " + i))
                    .error(401, "unauthorized");
            }
            lab.post("/api/v1/login", forwardedFrom("192.0.2.7", secret), Map.of("username", "admin", "password", TestDaemon.PASSWORD))
                .error(429, "too_many_attempts");
            assertEquals(200, lab.post("/api/v1/login", Auth.NONE, Map.of("username", "admin", "password", TestDaemon.PASSWORD)).status(),
                "the console on this machine (loopback) still logs in");
            assertEquals(200, lab.post("/api/v1/login", forwardedFrom("2001:db8::8", secret),
                Map.of("username", "admin", "password", TestDaemon.PASSWORD)).status(), "another SSH client too");
            assertTrue(lab.log().contains("\"address\":\"192.0.2.7\""), "the log names the SSH client: " + lab.log());
        }
    }

    @Test
    void aClientAddressWithoutTheForwardersSecretIsRefusedAndNotCounted(Vertx vertx, @TempDir Path data) throws Exception {
        try (TestDaemon lab = TestDaemon.start(vertx, data)) {
            for (int i = 0; i < 12; i++) {
                var error = lab.post("/api/v1/login", forwardedFrom("192.0.2.9", "not the secret"),
                    Map.of("username", "admin", "password", "guess " + i)).error(403, "not_forwarder");
                assertEquals(AuthApi.CLIENT_ADDRESS_HEADER, error.path("field").asText());
            }
            Auth noSecret = request -> request.putHeader(AuthApi.CLIENT_ADDRESS_HEADER, "192.0.2.9");
            lab.post("/api/v1/login", noSecret, Map.of("username", "admin", "password", TestDaemon.PASSWORD)).error(403, "not_forwarder");
            String secret = Files.readString(data.resolve(AuthService.FORWARDER_SECRET_FILE)).strip();
            for (String bad : new String[] {"ssh.example.org", "192.0.2.300", "", "1.2.3.4; rm"}) {
                var error = lab.post("/api/v1/login", forwardedFrom(bad, secret), Map.of("username", "admin", "password", TestDaemon.PASSWORD))
                    .error(400, "invalid_input");
                assertTrue(error.path("message").asText().contains("is not an IP address"), error.toString());
            }
            assertEquals(200, lab.post("/api/v1/login", Auth.NONE, Map.of("username", "admin", "password", TestDaemon.PASSWORD)).status(),
                "refused attempts were not counted as failures of this address");
        }
    }
}
