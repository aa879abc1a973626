package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.bench.env.EnvironmentDetector;
import io.hyperlab.history.History;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import io.hyperlab.report.Importer;
import io.hyperlab.report.ReportFormats;
import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Comparisons, exports and imports through the API, over runs stored in a real history. */
@ExtendWith(VertxExtension.class)
class CompareApiTest {
    @TempDir
    static Path data;
    static TestDaemon lab;
    static Auth auth;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        try (History history = History.openIn(data)) {
            store(history, "Xen VM", 300, 303, 297);
            store(history, "KVM VM", 360, 362, 358);
        }
        lab = TestDaemon.start(vertx, data);
        auth = Auth.token(lab.newToken(lab.login(), "compare"));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static void store(History history, String label, double... composites) {
        long run = history.startRun("cpu", label, "{\"suite\":\"cpu\"}", EnvironmentDetector.local().detect());
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        for (int i = 0; i < composites.length; i++) {
            history.addTrial(run, new Trial("scimark2", i + 1, at, at.plusSeconds(10),
                List.of(new Measurement("Composite", "MFLOPS", true, composites[i]))));
        }
        history.finishRun(run, RunStatus.COMPLETED, null);
    }

    @Test
    void twoLabelsAreComparedWithTheFirstAsBaseline() {
        JsonNode comparison = lab.get("/api/v1/compare?label=KVM%20VM&label=Xen%20VM", auth).json();
        assertEquals("KVM VM", comparison.get("sides").get(0).get("name").asText());
        JsonNode row = comparison.get("rows").get(0);
        assertEquals("Composite", row.get("metric").asText());
        assertEquals(360.0, row.get("sides").get(0).get("mean").asDouble(), 1e-9);
        JsonNode difference = row.get("differences").get(0);
        assertEquals((300 - 360) / 360.0 * 100, difference.get("percent").asDouble(), 1e-9);
        assertEquals("worse", difference.get("verdict").asText(), difference.toString());
    }

    @Test
    void aLabelIsComparedWithTheStudyInEveryFormat() {
        JsonNode json = lab.get("/api/v1/compare?label=KVM%20VM&reference=thesis-2021", auth).json();
        assertEquals(3, json.get("sides").size(), json.toString());
        assertEquals("reference", json.get("sides").get(1).get("kind").asText());
        for (String format : ReportFormats.ids()) {
            Reply reply = lab.get("/api/v1/compare?label=KVM%20VM&reference=thesis-2021&format=" + format + "&download=true", auth);
            assertEquals(200, reply.status(), format + ": " + reply.body());
            assertEquals(ReportFormats.get(format).mediaType(), reply.headers().get("Content-Type"), format);
            assertTrue(reply.headers().get("Content-Disposition").startsWith("attachment; filename=\"comparison."), format);
            assertTrue(reply.body().contains("KVM VM"), format);
        }
    }

    @Test
    void badComparisonsNameWhatIsWrong() {
        assertTrue(lab.get("/api/v1/compare?label=KVM%20VM", auth).error(400, "invalid_input").get("message").asText()
            .contains("at least two sides"));
        assertEquals("format", lab.get("/api/v1/compare?label=A&label=B&format=docx", auth).error(400, "invalid_input")
            .get("field").asText());
        assertEquals("run", lab.get("/api/v1/compare?run=x&label=B", auth).error(400, "invalid_input").get("field").asText());
        assertEquals("alpha", lab.get("/api/v1/compare?label=A&label=B&alpha=low", auth).error(400, "invalid_input")
            .get("field").asText());
        assertEquals("side", lab.get("/api/v1/compare?side=A", auth).error(400, "invalid_input").get("field").asText());
        Reply missing = lab.get("/api/v1/compare?label=KVM%20VM&label=nobody", auth);
        assertTrue(missing.status() == 404 || missing.status() == 400, missing.body());
        lab.get("/api/v1/compare?label=A&label=B", Auth.NONE).error(401, "unauthorized");
    }

    @Test
    void exportsComeInEveryFormatAndImportsRoundTrip() {
        Reply csv = lab.get("/api/v1/export?label=Xen%20VM&format=csv&download=true", auth);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.headers().get("Content-Disposition").contains("hyperlab-export.csv"));
        assertTrue(csv.body().contains("Xen VM") && !csv.body().contains("KVM VM"), csv.body());
        lab.get("/api/v1/export?label=nobody", auth).error(404, "not_found");

        String export = lab.get("/api/v1/export?label=Xen%20VM", auth).body();
        int before = lab.get("/api/v1/runs", auth).json().get("total").asInt();
        Reply again = lab.send(HttpMethod.POST, "/api/v1/imports?filename=xen.json", auth, "application/json", export);
        assertTrue(again.status() == 409 || again.status() == 400, "the same runs again are refused: " + again.body());
        assertEquals(before, lab.get("/api/v1/runs", auth).json().get("total").asInt(), "a refused import stores nothing");
        Reply skipped = lab.send(HttpMethod.POST, "/api/v1/imports?filename=xen.json&skipExisting=true", auth, "application/json", export);
        assertEquals(201, skipped.status(), skipped.body());
        assertEquals(1, skipped.json().get("skipped").asInt());
        assertEquals(before, lab.get("/api/v1/runs", auth).json().get("total").asInt());
    }

    @Test
    void importsTakeFilesUpToTheImportersLimitAsTheirOwnBody() {
        String padded = " ".repeat(2 << 20) + "{\"not\": \"an export\"}";
        Reply large = lab.send(HttpMethod.POST, "/api/v1/imports?filename=big.json", auth, "application/json", padded);
        large.error(400, "invalid_input");
        String tooLarge = " ".repeat((int) Importer.MAX_BYTES + 1);
        lab.send(HttpMethod.POST, "/api/v1/imports", auth, "application/json", tooLarge).error(413, "too_large");
        lab.send(HttpMethod.POST, "/api/v1/imports", auth, "text/plain", "{}").error(415, "unsupported_media_type");
        lab.send(HttpMethod.POST, "/api/v1/imports", auth, "application/xml", "<nope/>").error(400, "invalid_input");
        lab.send(HttpMethod.POST, "/api/v1/imports", lab.login().withoutCsrf(), "application/json", "{}").error(403, "csrf");
        assertEquals(2, lab.get("/api/v1/runs", auth).json().get("total").asInt(), "nothing was stored");
    }
}
