package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.xapi.server.LabHost;
import io.hyperlab.host.xapi.server.XapiTestServer;
import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosts through the API against libvirt's real test driver with the lab fixture (each call opens
 * its own connection, so each sees the fixture afresh): reads answer at once, changes run as
 * setup tasks and land in the action log under the web user; passwords never come back.
 */
@ExtendWith(VertxExtension.class)
class HostsApiTest {
    private static final String SECRET = "never-return-me";

    @TempDir
    static Path data;
    static TestDaemon lab;
    static Auth auth;
    static String fixture;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        fixture = "test://" + Path.of(HostsApiTest.class.getResource("/io/hyperlab/host/libvirt/lab-node.xml").toURI());
        lab = TestDaemon.start(vertx, data);
        auth = Auth.token(lab.newToken(lab.login(), "hosts"));
        Reply added = lab.post("/api/v1/hosts", auth, Map.of("name", "lab", "uri", fixture, "user", "root", "password", SECRET));
        assertEquals(201, added.status(), added.body());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static JsonNode finished(Reply queued) throws InterruptedException {
        return lab.finished(queued, auth);
    }

    @Test
    void aHostIsListedDescribedAndCheckedButItsPasswordNeverReturned() {
        Reply list = lab.get("/api/v1/hosts", auth);
        assertEquals("lab", list.json().get(0).get("name").asText());
        assertTrue(list.json().get(0).get("passwordStored").asBoolean());
        JsonNode info = lab.get("/api/v1/hosts/lab", auth).json();
        assertTrue(info.get("facts").get("cpu").get("logicalCpus").asInt() > 0, info.toString());
        JsonNode preflight = lab.get("/api/v1/hosts/lab/preflight", auth).json();
        assertTrue(preflight.get("overall").isTextual(), preflight.toString());
        for (String path : List.of("/api/v1/hosts", "/api/v1/hosts/lab", "/api/v1/actions")) {
            assertFalse(lab.get(path, auth).body().contains(SECRET), path);
        }
        assertTrue(lab.get("/api/v1/actions?host=lab", auth).body().contains("\"actor\":\"web:admin\""));
    }

    @Test
    void badHostsAreRefusedBeforeAnythingIsStored() {
        lab.post("/api/v1/hosts", auth, Map.of("name", "lab", "uri", fixture)).error(409, "conflict");
        lab.post("/api/v1/hosts", auth, Map.of("name", "esx", "uri", "vmware://esx")).error(400, "invalid_input");
        assertEquals("uri", lab.post("/api/v1/hosts", auth, Map.of("name", "x")).error(400, "invalid_input").get("field").asText());
        lab.get("/api/v1/hosts/ghost", auth).error(404, "not_found");
        lab.get("/api/v1/hosts/ghost/vms", auth).error(404, "not_found");
        lab.post("/api/v1/hosts/ghost/vms/web/start", auth, null).error(404, "not_found");
        assertEquals(1, lab.get("/api/v1/hosts", auth).json().size());
    }

    @Test
    void vmsAreListedCreatedAndPoweredAsSetupTasks() throws Exception {
        JsonNode vms = lab.get("/api/v1/hosts/lab/vms", auth).json();
        assertEquals(3, vms.size(), vms.toString());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", "app");
        spec.put("template", "debian12");
        spec.put("isoLibrary", "isos");
        spec.put("iso", "debian-12.4.0-amd64-netinst.iso");
        spec.put("vcpus", 2);
        spec.put("memory", "2GiB");
        spec.put("disk", "10GiB");
        spec.put("storage", "vms");
        spec.put("network", "lab");
        JsonNode made = finished(lab.post("/api/v1/hosts/lab/vms", auth, spec));
        assertEquals("succeeded", made.get("status").asText(), made.toString());
        assertEquals("setup", made.get("kind").asText());
        assertEquals("lab", made.get("host").asText());
        assertEquals("app", made.get("result").get("name").asText());
        assertEquals(2, made.get("result").get("vcpus").asInt());

        assertEquals("succeeded", finished(lab.post("/api/v1/hosts/lab/vms/web/start", auth, null)).get("status").asText());
        assertEquals("succeeded", finished(lab.post("/api/v1/hosts/lab/vms/web/force-off", auth, null)).get("status").asText());
        JsonNode missing = finished(lab.post("/api/v1/hosts/lab/vms/ghost/start", auth, null));
        assertEquals("failed", missing.get("status").asText());
        assertTrue(missing.get("error").asText().contains("ghost"), missing.toString());
        String actions = lab.get("/api/v1/actions?host=lab", auth).body();
        assertTrue(actions.contains("app") && actions.contains("web:admin"), actions);
    }

    @Test
    void badVmSpecsNameTheField() {
        assertEquals("template", lab.post("/api/v1/hosts/lab/vms", auth, Map.of("name", "x")).error(400, "invalid_input")
            .get("field").asText());
        assertEquals("memory", lab.post("/api/v1/hosts/lab/vms", auth, Map.of("name", "x", "template", "debian12", "memory", "lots"))
            .error(400, "invalid_input").get("field").asText());
        assertEquals("boot", lab.post("/api/v1/hosts/lab/vms", auth, Map.of("name", "x", "template", "debian12", "boot", "floppy"))
            .error(400, "invalid_input").get("field").asText());
        assertEquals("iso", lab.post("/api/v1/hosts/lab/vms", auth, Map.of("name", "x", "template", "debian12", "iso", "a.iso"))
            .error(400, "invalid_input").get("field").asText());
        assertEquals("timeout", lab.post("/api/v1/hosts/lab/vms/web/stop?timeout=0", auth, null).error(400, "invalid_input")
            .get("field").asText());
    }

    @Test
    void anUntrustedXenServerCertificateIsA409WithTheFingerprintSeenAndPinned(Vertx vertx) {
        XapiTestServer xen = XapiTestServer.start(vertx, LabHost.standard("127.0.0.1"), 0, "root", "xen-secret");
        try {
            Map<String, Object> host = new LinkedHashMap<>(Map.of("name", "xen1", "uri", xen.uri().toString(), "user", "root",
                "password", "xen-secret"));
            JsonNode first = lab.post("/api/v1/hosts", auth, host).error(409, "untrusted_certificate");
            assertEquals("fingerprint", first.get("field").asText());
            assertEquals(xen.fingerprint().sha256(), first.get("seen").asText());
            assertFalse(first.has("pinned"), "nothing was pinned on first contact: " + first);

            String other = Fingerprint.parse("AB".repeat(32)).sha256();
            host.put("fingerprint", other);
            JsonNode wrong = lab.post("/api/v1/hosts", auth, host).error(409, "untrusted_certificate");
            assertEquals(xen.fingerprint().sha256(), wrong.get("seen").asText());
            assertEquals(other, wrong.get("pinned").asText());
            assertFalse(lab.get("/api/v1/hosts", auth).body().contains("xen1"), "nothing stored after a refusal");

            host.put("fingerprint", first.get("seen").asText());
            Reply added = lab.post("/api/v1/hosts", auth, host);
            assertEquals(201, added.status(), added.body());
            assertEquals(204, lab.delete("/api/v1/hosts/xen1", auth).status());
        } finally {
            xen.close();
        }
    }

    @Test
    void networksAndIsoLibrariesAreListed() {
        assertTrue(lab.get("/api/v1/hosts/lab/networks", auth).body().contains("\"lab\""));
        assertTrue(lab.get("/api/v1/hosts/lab/iso-libraries", auth).body().contains("\"isos\""));
        assertTrue(lab.get("/api/v1/hosts/lab/iso-libraries/isos/isos", auth).body().contains("debian-12.4.0-amd64-netinst.iso"));
    }
}
