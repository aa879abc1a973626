package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.web.EventStream.Event;
import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Benchmark runs through the API, with real trial processes, the real history and the event stream. */
@ExtendWith(VertxExtension.class)
class RunsApiTest {
    @TempDir
    static Path data;
    static TestDaemon lab;
    static Auth auth;
    static String token;
    static Vertx vertx;

    @BeforeAll
    static void start(Vertx v) throws Exception {
        vertx = v;
        lab = TestDaemon.start(v, data);
        token = lab.newToken(lab.login(), "runs test");
        auth = Auth.token(token);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** A quick SciMark run: normal size, short kernels, exactly {@code trials} trials. */
    static Map<String, Object> quickRun(String label, int trials, double minTime) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("suite", "cpu");
        body.put("label", label);
        body.put("size", "normal");
        body.put("minTime", minTime);
        body.put("trials", trials);
        body.put("maxTrials", trials);
        return body;
    }

    static boolean finished(Event e, long task) {
        return e.data().get("taskId").asLong() == task && e.type().matches("task\\.(finished|failed|cancelled)");
    }

    @Test
    void aStartedRunStreamsTypedEventsAndIsStoredWithItsTrialsAndStatistics() throws Exception {
        try (EventStream stream = new EventStream(vertx, lab, token, null)) {
            assertTrue(stream.response.getHeader("Content-Type").startsWith("text/event-stream"));
            Reply started = lab.post("/api/v1/runs", auth, quickRun("streamed", 2, 0.05));
            assertEquals(202, started.status(), started.body());
            long task = started.json().get("id").asLong();
            assertEquals("/api/v1/tasks/" + task, started.headers().get("Location"));
            assertEquals("queued", started.json().get("status").asText());

            List<Event> events = stream.until(e -> finished(e, task), 120);
            List<String> types = events.stream().filter(e -> e.data().get("taskId").asLong() == task).map(Event::type).toList();
            assertEquals("task.queued", types.get(0), types.toString());
            assertEquals("task.started", types.get(1), types.toString());
            assertEquals("trial.started", types.get(2), types.toString());
            assertEquals("task.finished", types.get(types.size() - 1), types.toString());
            assertEquals(2, types.stream().filter("trial.done"::equals).count(), types.toString());
            assertTrue(types.stream().filter("progress"::equals).count() >= 10, "each SciMark kernel reports its figure: " + types);
            double before = 0;
            for (Event e : events) {
                double progress = e.data().get("progress").asDouble();
                assertTrue(progress >= before, "progress never goes back: " + events);
                before = progress;
            }
            assertEquals(1.0, before);
            JsonNode done = events.stream().filter(e -> e.type().equals("trial.done")).findFirst().orElseThrow().data();
            assertEquals(6, done.get("values").size(), done.toString());
            assertTrue(done.get("values").get("Composite").asDouble() > 0);
            long ids = events.stream().mapToLong(Event::id).distinct().count();
            assertEquals(events.size(), ids, "every event has its own id");

            long run = events.get(events.size() - 1).data().get("runId").asLong();
            JsonNode record = lab.get("/api/v1/runs/" + run, auth).json();
            assertEquals("completed", record.get("run").get("status").asText());
            assertEquals("streamed", record.get("run").get("label").asText());
            assertEquals(2, record.get("trials").size());
            assertEquals(2, record.get("results").get(0).get("summary").get("n").asInt());
            assertEquals("succeeded", record.get("task").get("status").asText());
            assertEquals("succeeded", lab.get("/api/v1/tasks/" + task, auth).json().get("status").asText());

            String metrics = lab.get("/metrics", Auth.NONE).body();
            assertTrue(metrics.contains("hyperlab_runs_completed_total "), metrics);
            assertTrue(metrics.matches("(?s).*hyperlab_last_result\\{test=\"scimark2\",metric=\"Composite\",unit=\"MFLOPS\",label=\"[^\"]*\",run=\"\\d+\"} \\d.*"),
                metrics);
        }
    }

    @Test
    void runsWaitTheirTurnAndAQueuedOneCanBeCancelledBeforeItStarts() throws Exception {
        try (EventStream stream = new EventStream(vertx, lab, token, null)) {
            long first = lab.post("/api/v1/runs", auth, quickRun("first", 2, 0.05)).json().get("id").asLong();
            long second = lab.post("/api/v1/runs", auth, quickRun("second", 1, 0.05)).json().get("id").asLong();
            long third = lab.post("/api/v1/runs", auth, quickRun("third", 1, 0.05)).json().get("id").asLong();
            assertEquals("queued", lab.get("/api/v1/tasks/" + third, auth).json().get("status").asText());
            Reply cancelled = lab.post("/api/v1/tasks/" + third + "/cancel", auth, null);
            assertEquals(202, cancelled.status(), cancelled.body());
            assertEquals("cancelled", cancelled.json().get("status").asText());
            lab.post("/api/v1/tasks/" + third + "/cancel", auth, null).error(409, "conflict");

            stream.until(e -> finished(e, second), 180);
            JsonNode a = lab.get("/api/v1/tasks/" + first, auth).json();
            JsonNode b = lab.get("/api/v1/tasks/" + second, auth).json();
            assertEquals("succeeded", a.get("status").asText());
            assertEquals("succeeded", b.get("status").asText());
            assertFalse(Instant.parse(b.get("startedAt").asText()).isBefore(Instant.parse(a.get("finishedAt").asText())),
                "the second run started only after the first finished: " + a + " " + b);
            JsonNode never = lab.get("/api/v1/tasks/" + third, auth).json();
            assertFalse(never.has("startedAt"), never.toString());
            assertFalse(never.has("runId"), "a run cancelled in the queue stores nothing: " + never);
            assertEquals(0, lab.get("/api/v1/runs?label=third", auth).json().get("total").asInt());
        }
    }

    @Test
    void cancellingARunningRunKeepsItsCompletedTrialsAndItCannotBeDeletedWhileRunning() throws Exception {
        try (EventStream stream = new EventStream(vertx, lab, token, null)) {
            long task = lab.post("/api/v1/runs", auth, quickRun("to cancel", 50, 0.05)).json().get("id").asLong();
            stream.until(e -> e.type().equals("trial.done") && e.data().get("taskId").asLong() == task, 120);
            long run = lab.get("/api/v1/tasks/" + task, auth).json().get("runId").asLong();
            lab.delete("/api/v1/runs/" + run, auth).error(409, "conflict");
            Reply cancel = lab.post("/api/v1/runs/" + run + "/cancel", auth, null);
            assertEquals(202, cancel.status(), cancel.body());
            stream.until(e -> finished(e, task), 60);
            JsonNode record = lab.get("/api/v1/runs/" + run, auth).json();
            assertEquals("cancelled", record.get("run").get("status").asText());
            assertTrue(record.get("trials").size() >= 1 && record.get("trials").size() < 50, record.toString());
            assertEquals("cancelled", lab.get("/api/v1/tasks/" + task, auth).json().get("status").asText());
            lab.post("/api/v1/runs/" + run + "/cancel", auth, null).error(409, "conflict");
            assertEquals(204, lab.delete("/api/v1/runs/" + run, auth).status());
            lab.get("/api/v1/runs/" + run, auth).error(404, "not_found");
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() throws Exception {
        long lastSeen;
        try (EventStream stream = new EventStream(vertx, lab, token, null)) {
            long task = lab.post("/api/v1/runs", auth, quickRun("replayed", 1, 0.05)).json().get("id").asLong();
            lastSeen = stream.until(e -> e.type().equals("task.queued") && e.data().get("taskId").asLong() == task, 30).get(0).id();
            stream.until(e -> finished(e, task), 120);
        }
        try (EventStream again = new EventStream(vertx, lab, token, lastSeen)) {
            List<Event> replayed = again.until(e -> e.type().matches("task\\.(finished|failed)"), 10);
            assertEquals(lastSeen + 1, replayed.get(0).id());
            assertEquals("task.started", replayed.get(0).type());
        }
    }
}
