package io.hyperlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyperlab serve} as a user runs it: its options, its log, its page, and SIGTERM. */
class ServeCommandTest {
    @TempDir
    Path data;

    @Test
    void badServeOptionsAreUsageErrors() {
        Cli http = Cli.run("serve", "--http", "--bind", "0.0.0.0", "--data", data.toString());
        assertEquals(2, http.exit(), http.toString());
        assertTrue(http.err().contains("only on loopback"), http.toString());
        Cli port = Cli.run("serve", "--port", "70000", "--data", data.toString());
        assertEquals(2, port.exit(), port.toString());
        assertTrue(port.err().contains("from 1 to 65535"), port.toString());
        assertEquals(2, Cli.run("serve", "--port", "many").exit());
        assertTrue(Cli.run("serve", "--help").out().contains("--admin-password-file"));
    }

    @Test
    void serveLogsItsUrlAndOneTimePasswordServesThePageAndStopsOnSigterm() throws Exception {
        Path log = data.resolve("serve.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName(),
            "serve", "--http", "--port", "0", "--data", data.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            JsonNode listening = waitForLine(log, "listening");
            String url = listening.get("url").asText();
            assertTrue(url.startsWith("http://127.0.0.1:"), url);
            String password = waitForLine(log, "admin_password_created").get("password").asText();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>HyperLab</title>"));
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url + "api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());

            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
            waitForLine(log, "stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    /** The first JSON log line of this event, waiting up to a minute for it. */
    private static JsonNode waitForLine(Path log, String event) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode json = Json.MAPPER.readTree(line);
                    if (json.path("event").asText().equals(event)) {
                        return json;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve logged no " + event + ": " + (Files.exists(log) ? Files.readString(log) : "nothing"));
    }
}
