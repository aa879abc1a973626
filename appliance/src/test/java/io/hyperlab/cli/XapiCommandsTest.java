package io.hyperlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.hyperlab.host.xapi.server.LabHost;
import io.hyperlab.host.xapi.server.XapiTestServer;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host, iso-library and vm commands with a XenServer host (the strict XAPI test server):
 * the fingerprint is confirmed before anything is stored, then the study's setup runs through.
 */
class XapiCommandsTest {
    private static final String PASSWORD = "xen-root-pw";
    static Vertx vertx;
    static XapiTestServer server;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = XapiTestServer.start(vertx, LabHost.standard("127.0.0.1"), 0, "root", PASSWORD);
        server.addShare("nas.lab:/export/isos", "nfs_iso", null, null, "debian-12.iso");
    }

    @AfterAll
    static void stop() {
        server.close();
        vertx.close().await();
    }

    private Cli run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = temp.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    private Path passwordFile(String password) throws Exception {
        Path file = temp.resolve("pw-" + password.length());
        Files.writeString(file, password + "\n");
        return file;
    }

    @Test
    void hostIsStoredOnlyOnceItsFingerprintIsConfirmedThenAVmIsMadeAndRemoved() throws Exception {
        String password = passwordFile(PASSWORD).toString();
        String uri = "xapi://127.0.0.1:" + server.port();
        Cli first = run("host", "add", "--name", "xen1", "--uri", uri, "--user", "root", "--password-file", password);
        assertEquals(1, first.exit(), first.toString());
        assertTrue(first.err().contains("its SHA-256 fingerprint is " + server.fingerprint()), first.toString());
        assertEquals(0, Json.MAPPER.readTree(run("host", "list", "--json").out()).size(), "nothing is stored before the user confirms");

        Cli add = run("host", "add", "--name", "xen1", "--uri", uri, "--user", "root", "--password-file", password,
            "--fingerprint", server.fingerprint().sha256().replace(":", "").toLowerCase());
        assertEquals(0, add.exit(), add.toString());
        assertTrue(add.out().startsWith("Added host xen1 (xapi, " + uri + "): XCP-ng 8.3.0 on xcp-lab"), add.out());

        JsonNode preflight = Json.MAPPER.readTree(run("host", "preflight", "xen1", "--json").out());
        assertEquals("xenserver", preflight.get("requirements_of").asText());
        assertEquals("pass", preflight.get("overall").asText(), preflight.toString());

        Cli library = run("iso-library", "add", "--host", "xen1", "--name", "isos", "--kind", "nfs", "--location", "nas.lab:/export/isos");
        assertEquals(0, library.exit(), library.toString());
        Cli create = run("vm", "create", "--host", "xen1", "--name", "xen-vm", "--template", "Debian Bookworm 12", "--iso-library", "isos",
            "--iso", "debian-12.iso", "--vcpus", "2", "--memory", "2GiB", "--disk", "20GiB", "--storage", "Local storage",
            "--network", "Pool-wide network associated with eth0", "--boot", "uefi");
        assertEquals(0, create.exit(), create.toString());
        assertEquals(0, run("vm", "start", "--host", "xen1", "xen-vm").exit());
        JsonNode vms = Json.MAPPER.readTree(run("vm", "list", "--host", "xen1", "--json").out());
        JsonNode vm = null;
        for (JsonNode each : vms) {
            vm = each.get("name").asText().equals("xen-vm") ? each : vm;
        }
        assertEquals("running", vm.get("state").asText(), vms.toString());
        assertEquals("hvm", vm.get("mode").asText());
        assertEquals(0, run("vm", "stop", "--host", "xen1", "xen-vm").exit());
        assertEquals(0, run("vm", "delete", "--host", "xen1", "xen-vm", "--with-disks").exit());
        assertTrue(server.find("VM", "name_label", "xen-vm").isEmpty());

        Cli actions = run("actions", "--host", "xen1", "--json");
        assertTrue(actions.out().contains("vm create") && actions.out().contains("vm delete"), actions.toString());
        assertFalse(actions.out().contains(PASSWORD) || run("host", "list", "--json").out().contains(PASSWORD));
    }

    @Test
    void wrongPasswordIsRefusedAndNothingIsStored() throws Exception {
        Cli add = run("host", "add", "--name", "xen2", "--uri", server.uri().toString(), "--user", "root",
            "--password-file", passwordFile("not-it").toString(), "--fingerprint", server.fingerprint().sha256());
        assertEquals(1, add.exit(), add.toString());
        assertTrue(add.err().contains("XenServer refused the login of user 'root': the user or the password is wrong"), add.toString());
        assertEquals(0, Json.MAPPER.readTree(run("host", "list", "--json").out()).size());
    }
}
