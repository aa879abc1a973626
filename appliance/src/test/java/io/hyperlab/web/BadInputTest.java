package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.bench.env.EnvironmentDetector;
import io.hyperlab.history.History;
import io.hyperlab.history.RunStatus;
import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bad input of every kind: a clear 4xx naming what was wrong, nothing stored, the daemon still up. */
@ExtendWith(VertxExtension.class)
class BadInputTest {
    private static final String SQL_LABEL = "x'); DROP TABLE runs; --";

    @TempDir
    static Path data;
    static TestDaemon lab;
    static Auth auth;

    @BeforeAll
    static void start(Vertx v) throws Exception {
        lab = TestDaemon.start(v, data);
        auth = Auth.token(lab.newToken(lab.login(), "bad input"));
        try (History history = History.openIn(data)) {
            long id = history.startRun("cpu", SQL_LABEL, "{}", EnvironmentDetector.local().detect());
            history.finishRun(id, RunStatus.COMPLETED, null);
        }
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @AfterEach
    void nothingWasStoredAndTheDaemonIsUp() {
        assertEquals(200, lab.get("/api/v1/health", Auth.NONE).status());
        assertEquals(1, lab.get("/api/v1/runs", auth).json().get("total").asInt(), "only the seeded run is stored");
        assertEquals(0, lab.get("/api/v1/tasks", auth).json().size(), "no task was queued");
    }

    private static Reply postRaw(String path, String contentType, String body) {
        return lab.send(HttpMethod.POST, path, auth, contentType, body);
    }

    private static void refusedField(Map<String, Object> body, String field, String words) {
        Reply reply = lab.post("/api/v1/runs", auth, body);
        var error = reply.error(400, "invalid_input");
        assertEquals(field, error.path("field").asText(), reply.body());
        assertTrue(error.get("message").asText().contains(words), reply.body());
    }

    @Test
    void malformedJsonIsRefusedWithWhereItBroke() {
        var error = postRaw("/api/v1/runs", "application/json", "{\"suite\": \"cpu\",").error(400, "invalid_input");
        assertTrue(error.get("message").asText().startsWith("the body is not valid JSON"), error.toString());
        assertTrue(error.get("message").asText().contains("line 1"), error.toString());
        postRaw("/api/v1/runs", "application/json", "[1, 2]").error(400, "invalid_input");
        postRaw("/api/v1/runs", "application/json", "").error(400, "invalid_input");
        postRaw("/api/v1/login", "application/json", "nope").error(400, "invalid_input");
    }

    @Test
    void wrongTypesNameTheFieldAndTheTypeWanted() {
        refusedField(Map.of("trials", "three"), "trials", "must be a whole number");
        refusedField(Map.of("trials", 2.5), "trials", "must be a whole number");
        refusedField(Map.of("label", 42), "label", "must be a string");
        refusedField(Map.of("tests", "scimark2"), "tests", "must be a list of strings");
        refusedField(Map.of("minTime", "fast"), "minTime", "must be a number");
        refusedField(Map.of("arraySize", true), "arraySize", "must be a size");
        refusedField(Map.of("trails", 3), "trails", "unknown field 'trails'");
    }

    @Test
    void valuesOutOfRangeNameTheFieldAndWhatIsAllowed() {
        refusedField(Map.of("suite", "gpu"), "suite", "choose cpu, memory, network, thesis");
        refusedField(Map.of("trials", 0), "trials", "from 1 to 1000");
        refusedField(Map.of("trials", 3, "maxTrials", 2), "maxTrials", "from the trial count");
        refusedField(Map.of("threshold", -1), "threshold", "more than 0");
        refusedField(Map.of("size", "huge"), "size", "choose normal or large");
        refusedField(Map.of("minTime", 0), "minTime", "more than 0");
        refusedField(Map.of("threads", 0), "threads", "from 1 to 1024");
        refusedField(Map.of("arraySize", "32XB"), "arraySize", "unknown size unit 'XB'");
        refusedField(Map.of("suite", "memory", "tests", List.of("scimark2")), "tests", "not in suite memory");
        refusedField(Map.of("label", " "), "label", "must not be empty");
        refusedField(Map.of("label", "a".repeat(101)), "label", "at most 100 characters");
        refusedField(Map.of("label", "tab\there"), "label", "control characters");
    }

    @Test
    void aBodyOverTheLimitIs413AndOneNotSentAsJsonIs415() {
        String huge = "{\"label\": \"" + "x".repeat((int) DaemonConfig.MAX_BODY_BYTES) + "\"}";
        postRaw("/api/v1/runs", "application/json", huge).error(413, "too_large");
        postRaw("/api/v1/login", "application/json", huge).error(413, "too_large");
        var error = postRaw("/api/v1/runs", "text/plain", "{\"suite\":\"cpu\"}").error(415, "unsupported_media_type");
        assertTrue(error.get("message").asText().contains("application/json"), error.toString());
        postRaw("/api/v1/runs", "application/x-www-form-urlencoded", "suite=cpu").error(415, "unsupported_media_type");
        lab.send(HttpMethod.POST, "/api/v1/runs", auth, null, "{}").error(415, "unsupported_media_type");
    }

    @Test
    void unknownIdsAre404AndIdsThatAreNotNumbersAre400() {
        lab.get("/api/v1/runs/999999", auth).error(404, "not_found");
        lab.delete("/api/v1/runs/999999", auth).error(404, "not_found");
        lab.post("/api/v1/runs/999999/cancel", auth, null).error(404, "not_found");
        lab.get("/api/v1/tasks/4242", auth).error(404, "not_found");
        lab.post("/api/v1/tasks/4242/cancel", auth, null).error(404, "not_found");
        lab.delete("/api/v1/tokens/4242", auth).error(404, "not_found");
        assertEquals("id", lab.get("/api/v1/runs/abc", auth).error(400, "invalid_input").get("field").asText());
        lab.get("/api/v1/runs/-1", auth).error(400, "invalid_input");
        lab.get("/api/v1/runs/99999999999999999999", auth).error(400, "invalid_input");
        lab.get("/api/v1/nothing-here", auth).error(404, "not_found");
        lab.send(HttpMethod.PUT, "/api/v1/runs", auth, "application/json", "{}").error(405, "method_not_allowed");
    }

    @Test
    void badListFiltersNameTheParameter() {
        assertEquals("limit", lab.get("/api/v1/runs?limit=0", auth).error(400, "invalid_input").get("field").asText());
        assertEquals("limit", lab.get("/api/v1/runs?limit=ten", auth).error(400, "invalid_input").get("field").asText());
        assertEquals("offset", lab.get("/api/v1/runs?offset=-5", auth).error(400, "invalid_input").get("field").asText());
        assertEquals("since", lab.get("/api/v1/runs?since=yesterday", auth).error(400, "invalid_input").get("field").asText());
        assertEquals("until", lab.get("/api/v1/runs?since=2026-01-02&until=2026-01-01", auth).error(400, "invalid_input").get("field").asText());
        assertEquals("status", lab.get("/api/v1/runs?status=done", auth).error(400, "invalid_input").get("field").asText());
        assertEquals("suite", lab.get("/api/v1/runs?suite=gpu", auth).error(400, "invalid_input").get("field").asText());
        assertEquals("lable", lab.get("/api/v1/runs?lable=x", auth).error(400, "invalid_input").get("field").asText());
    }

    @Test
    void sqlLookingLabelsAreOnlyText() {
        String injection = URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8);
        assertEquals(0, lab.get("/api/v1/runs?label=" + injection, auth).json().get("total").asInt());
        Reply exact = lab.get("/api/v1/runs?label=" + URLEncoder.encode(SQL_LABEL, StandardCharsets.UTF_8), auth);
        assertEquals(1, exact.json().get("total").asInt(), exact.body());
        assertEquals(SQL_LABEL, exact.json().get("runs").get(0).get("label").asText());
        assertEquals(List.of(SQL_LABEL), List.of(lab.get("/api/v1/labels", auth).json().get(0).asText()));
        refusedField(Map.of("label", SQL_LABEL, "trials", "x"), "trials", "whole number");
    }

    @Test
    void staticFilesCannotBeReachedOutsideTheWebRoot() throws Exception {
        int port = lab.daemon.port();
        assertEquals(200, RawHttps.get(port, "/").status());
        assertTrue(RawHttps.get(port, "/").body().contains("<title>HyperLab</title>"));
        for (String file : StaticPages.FILES) {
            Reply reply = RawHttps.get(port, "/" + file);
            assertEquals(200, reply.status(), file);
            assertTrue(reply.headers().get("Content-Security-Policy").contains("script-src 'self'"), file);
        }
        assertTrue(RawHttps.get(port, "/js/app.js").headers().get("Content-Type").startsWith("text/javascript"));
        for (String path : List.of("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
            "/js/../../version.properties", "/%2e%2e/version.properties", "/..%2fversion.properties",
            "/../history/migrations/1.sql", "/%2e%2e/%2e%2e/history/migrations/1.sql", "/....//....//etc/passwd",
            "/%252e%252e/%252e%252e/etc/passwd", "/js/..%5c..%5cversion.properties", "/%00/etc/passwd",
            "/hyperlab.db", "/tls/key.pem", "/../tls/key.pem", "/admin-password", "/js/../../../../../etc/passwd")) {
            Reply reply = RawHttps.get(port, path);
            assertTrue(reply.status() == 404 || reply.status() == 400, path + " gave " + reply.status() + ": " + reply.body());
            for (String secret : List.of("root:", "version=", "CREATE TABLE", "PRIVATE KEY", "SQLite", TestDaemon.PASSWORD)) {
                assertFalse(reply.body().contains(secret), path + " leaked " + secret);
            }
        }
    }
}
