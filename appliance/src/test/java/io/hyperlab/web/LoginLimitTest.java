package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Failed logins through the API are limited: its own daemon, since it blocks this address. */
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
}
