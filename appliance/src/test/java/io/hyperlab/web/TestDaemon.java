package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real daemon for one test class: HTTPS on a random loopback port, a real SQLite file in a
 * temporary folder, the admin password set from a file, and a Vert.x web client that trusts
 * only the daemon's own certificate (host name checked).
 */
final class TestDaemon implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";

    final Path data;
    final Daemon daemon;
    final WebClient client;
    private final ByteArrayOutputStream log;

    private TestDaemon(Path data, Daemon daemon, WebClient client, ByteArrayOutputStream log) {
        this.data = data;
        this.daemon = daemon;
        this.client = client;
        this.log = log;
    }

    static TestDaemon start(Vertx vertx, Path data) throws IOException {
        return start(vertx, data, false, DaemonConfig.DEFAULT_HELPER_TIMEOUT);
    }

    /** A daemon as the appliance's own ({@code serve --appliance}) when {@code appliance}, its root helper answering within {@code helperTimeout}. */
    static TestDaemon start(Vertx vertx, Path data, boolean appliance, Duration helperTimeout) throws IOException {
        Path passwordFile = data.resolve("admin-password");
        Files.createDirectories(data);
        Files.writeString(passwordFile, PASSWORD + "\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Daemon daemon = Daemon.start(new DaemonConfig("127.0.0.1", 0, true, data, passwordFile, appliance, helperTimeout),
            new Log(new PrintStream(log, true, StandardCharsets.UTF_8)));
        WebClient client = WebClient.create(vertx, new WebClientOptions()
            .setSsl(true).setVerifyHost(true)
            .setTrustOptions(new PemTrustOptions().addCertPath(daemon.certificate().certFile().toString()))
            .setDefaultHost("127.0.0.1").setDefaultPort(daemon.port()));
        return new TestDaemon(data, daemon, client, log);
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** How a request proves who sends it. */
    interface Auth {
        void apply(HttpRequest<Buffer> request);

        Auth NONE = request -> { };

        static Auth token(String token) {
            return request -> request.putHeader("Authorization", "Bearer " + token);
        }
    }

    /** A logged-in web session: its cookie and CSRF token. */
    record Session(String cookie, String csrf) implements Auth {
        @Override
        public void apply(HttpRequest<Buffer> request) {
            request.putHeader("Cookie", AuthApi.COOKIE + "=" + cookie);
            if (csrf != null) {
                request.putHeader(AuthApi.CSRF_HEADER, csrf);
            }
        }

        Session withoutCsrf() {
            return new Session(cookie, null);
        }
    }

    record Reply(int status, MultiMap headers, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** Asserts an error answer: the status, the code, and a JSON body without a stack trace. */
        JsonNode error(int expected, String code) {
            assertEquals(expected, status, body);
            JsonNode json = json();
            assertEquals(code, json.path("code").asText(), body);
            if (json.path("message").asText().isBlank() || body.contains("\tat ") || body.contains("Exception")) {
                throw new AssertionError("error without a clean message: " + body);
            }
            return json;
        }
    }

    Reply get(String path, Auth auth) {
        return send(HttpMethod.GET, path, auth, null, null);
    }

    Reply delete(String path, Auth auth) {
        return send(HttpMethod.DELETE, path, auth, null, null);
    }

    Reply post(String path, Auth auth, Object body) {
        return send(HttpMethod.POST, path, auth, body);
    }

    Reply put(String path, Auth auth, Object body) {
        return send(HttpMethod.PUT, path, auth, body);
    }

    private Reply send(HttpMethod method, String path, Auth auth, Object body) {
        try {
            return send(method, path, auth, "application/json", body == null ? null : Json.MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Reply send(HttpMethod method, String path, Auth auth, String contentType, String body) {
        HttpRequest<Buffer> request = client.request(method, path);
        auth.apply(request);
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
        HttpResponse<Buffer> response = await(sent);
        return new Reply(response.statusCode(), response.headers(), response.bodyAsString() == null ? "" : response.bodyAsString());
    }

    Session login() {
        Reply reply = post("/api/v1/login", Auth.NONE, Map.of("username", "admin", "password", PASSWORD));
        assertEquals(200, reply.status(), reply.body());
        List<String> cookies = reply.headers().getAll("Set-Cookie");
        String cookie = cookies.stream().filter(c -> c.startsWith(AuthApi.COOKIE + "=")).findFirst().orElseThrow();
        return new Session(cookie.substring(AuthApi.COOKIE.length() + 1, cookie.indexOf(';')), reply.json().get("csrfToken").asText());
    }

    String newToken(Session session, String name) {
        Reply reply = post("/api/v1/tokens", session, Map.of("name", name));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("token").asText();
    }

    /** Waits for a task answered with 202 to end, returning it. */
    JsonNode finished(Reply queued, Auth auth) throws InterruptedException {
        assertEquals(202, queued.status(), queued.body());
        long id = queued.json().get("id").asLong();
        for (int i = 0; i < 600; i++) {
            JsonNode task = get("/api/v1/tasks/" + id, auth).json();
            if (task.get("status").asText().matches("succeeded|failed|cancelled")) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + id + " did not end");
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    @Override
    public void close() {
        client.close();
        daemon.close();
    }
}
