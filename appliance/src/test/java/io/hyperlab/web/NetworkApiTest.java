package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The appliance's iperf3 server on request, and network runs against a peer: here the daemon's own server. */
@ExtendWith(VertxExtension.class)
class NetworkApiTest {
    @TempDir
    static Path data;
    static TestDaemon lab;
    static Auth auth;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        lab = TestDaemon.start(vertx, data);
        auth = Auth.token(lab.newToken(lab.login(), "network"));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void theIperf3ServerStartsServesAStockClientAndANetworkRunThenStops() throws Exception {
        assertEquals("stopped", lab.get("/api/v1/iperf3-server", auth).json().get("status").asText());
        Reply started = lab.post("/api/v1/iperf3-server", auth, Map.of("port", 0));
        assertEquals(201, started.status(), started.body());
        int port = started.json().get("port").asInt();
        assertEquals("idle", started.json().get("status").asText());
        lab.post("/api/v1/iperf3-server", auth, Map.of("port", 0)).error(409, "conflict");

        if (new File("/usr/bin/iperf3").canExecute()) {
            Process client = new ProcessBuilder("iperf3", "-c", "127.0.0.1", "-p", String.valueOf(port), "-t", "1")
                .redirectErrorStream(true).start();
            assertTrue(client.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, client.exitValue(), new String(client.getInputStream().readAllBytes()));
            assertEquals(1, lab.get("/api/v1/iperf3-server", auth).json().get("tests").asInt());
        }

        Reply run = lab.post("/api/v1/runs", auth, Map.of("suite", "network", "label", "loopback", "peer", "127.0.0.1:" + port,
            "netTime", 1, "trials", 1, "maxTrials", 1));
        assertEquals(202, run.status(), run.body());
        long task = run.json().get("id").asLong();
        JsonNode done = null;
        for (int i = 0; i < 600 && (done == null || !done.get("status").asText().matches("succeeded|failed|cancelled")); i++) {
            Thread.sleep(100);
            done = lab.get("/api/v1/tasks/" + task, auth).json();
        }
        assertEquals("succeeded", done.get("status").asText(), done.toString());
        JsonNode record = lab.get("/api/v1/runs/" + done.get("runId").asLong(), auth).json();
        assertTrue(record.get("trials").size() >= 2, record.toString());
        assertTrue(record.get("trials").toString().contains("iperf-tcp"), record.toString());

        assertEquals(204, lab.delete("/api/v1/iperf3-server", auth).status());
        assertEquals("stopped", lab.get("/api/v1/iperf3-server", auth).json().get("status").asText());
        assertEquals(204, lab.delete("/api/v1/iperf3-server", auth).status(), "stopping a stopped server is fine");
    }

    @Test
    void networkRunsNeedAPeerThatParses() {
        int tasks = lab.get("/api/v1/tasks", auth).json().size();
        assertEquals("peer", lab.post("/api/v1/runs", auth, Map.of("suite", "network")).error(400, "invalid_input").get("field").asText());
        assertEquals("peer", lab.post("/api/v1/runs", auth, Map.of("suite", "network", "peer", "a b"))
            .error(400, "invalid_input").get("field").asText());
        assertEquals("port", lab.post("/api/v1/iperf3-server", auth, Map.of("port", 70000)).error(400, "invalid_input")
            .get("field").asText());
        assertEquals(tasks, lab.get("/api/v1/tasks", auth).json().size(), "nothing was queued");
    }
}
