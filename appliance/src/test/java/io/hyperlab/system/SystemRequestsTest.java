package io.hyperlab.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root helper against real files in a temporary data folder. systemd-networkd and systemctl
 * cannot run on the build machines, so the operating system is a recording stand-in here; the
 * appliance's boot test applies a request with the real networkd.
 */
class SystemRequestsTest {
    private static final String PREVIOUS = "# from first boot\n[Match]\nName=en* eth*\n\n[Network]\nAddress=192.0.2.10/24\n";

    @TempDir
    Path data;
    @TempDir
    Path networkDir;
    Path folder;
    final List<String> calls = new ArrayList<>();
    final List<String> logged = new ArrayList<>();
    /** What the stand-in does: fail networkctl, or never show the address. */
    boolean networkctlFails;
    boolean addressNeverShows;

    final SystemHost host = new SystemHost() {
        @Override
        public Set<String> interfaces() {
            return Set.of("lo", "ens3");
        }

        @Override
        public void applyNetwork(List<String> interfaces) throws IOException {
            calls.add("apply " + interfaces + " with " + (Files.exists(staticFile()) ? Files.readString(staticFile()).lines()
                .filter(l -> l.startsWith("Address=")).findFirst().orElse("?") : "no static file"));
            if (networkctlFails) {
                throw new IOException("networkctl reload failed (exit 1): Failed to reload network settings");
            }
        }

        @Override
        public boolean hasAddress(String iface, Ipv4.Cidr address) {
            return !addressNeverShows;
        }

        @Override
        public void power(String action) {
            calls.add("power " + action);
        }
    };

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createDirectories(data.resolve(SystemRequests.FOLDER));
    }

    private void handle() throws IOException {
        new SystemRequests(data, networkDir, host, Duration.ofMillis(600), logged::add).handle();
    }

    private Path staticFile() {
        return networkDir.resolve(SystemRequests.STATIC_FILE);
    }

    private JsonNode result() throws IOException {
        return Json.MAPPER.readTree(folder.resolve(SystemRequests.NETWORK_RESULT).toFile());
    }

    private void request(String json) throws IOException {
        Files.writeString(folder.resolve(SystemRequests.NETWORK), json);
    }

    @Test
    void aStaticAddressIsWrittenForNetworkdAppliedAndReported() throws Exception {
        request("{\"requestId\":\"r1\",\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.0.2.2\",\"dns\":[\"10.0.2.3\"]}");
        handle();
        assertEquals("{\"requestId\":\"r1\",\"ok\":true,\"error\":null}", Files.readString(folder.resolve(SystemRequests.NETWORK_RESULT)).strip());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(SystemRequests.NETWORK_RESULT))),
            "the daemon's user can read the result");
        assertTrue(Files.readString(staticFile()).contains("Name=ens3\n\n[Network]\nAddress=10.0.2.15/24\nGateway=10.0.2.2\nDNS=10.0.2.3\n"));
        assertEquals(List.of("apply [ens3] with Address=10.0.2.15/24"), calls);
        assertTrue(Files.exists(folder.resolve(SystemRequests.NETWORK)), "the request stays: the daemon reads it back");
        assertEquals(List.of(SystemRequests.NETWORK, SystemRequests.NETWORK_RESULT), list(folder), "no temporary file is left");
        assertTrue(logged.stream().anyMatch(l -> l.contains("static 10.0.2.15/24 on ens3")), logged.toString());
    }

    @Test
    void dhcpRemovesTheStaticFileSoTheImagesDhcpDefaultApplies() throws Exception {
        Files.writeString(staticFile(), PREVIOUS);
        request("{\"requestId\":7,\"mode\":\"dhcp\"}");
        handle();
        assertEquals(7, result().path("requestId").asInt());
        assertTrue(result().path("ok").asBoolean(), result().toString());
        assertFalse(Files.exists(staticFile()));
        assertEquals(List.of("apply [ens3] with no static file"), calls);
    }

    @Test
    void aBadRequestIsRefusedWithItsFieldAndChangesNothing() throws Exception {
        Files.writeString(staticFile(), PREVIOUS);
        request("{\"requestId\":\"r2\",\"mode\":\"static\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.9.9.9\"}");
        handle();
        assertEquals("r2", result().path("requestId").asText());
        assertFalse(result().path("ok").asBoolean());
        assertTrue(result().path("error").asText().startsWith("refused: gateway 10.9.9.9 is not a host of"), result().toString());
        assertEquals(PREVIOUS, Files.readString(staticFile()));
        assertEquals(List.of(), calls, "networkd was not touched");
    }

    @Test
    void aRequestAlreadyAnsweredIsNotAppliedAgainButANewOneIs() throws Exception {
        request("{\"requestId\":\"r7\",\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.0.2.2\",\"dns\":[]}");
        handle();
        Files.writeString(folder.resolve(SystemRequests.POWER), "poweroff\n");
        handle();
        assertEquals(List.of("apply [ens3] with Address=10.0.2.15/24", "power poweroff"), calls, "a later run for power leaves r7 alone");
        assertTrue(logged.stream().anyMatch(l -> l.equals("network request r7: answered already, nothing to do")), logged.toString());
        request("{\"requestId\":\"r8\",\"mode\":\"dhcp\"}");
        handle();
        assertEquals("r8", result().path("requestId").asText());
        assertEquals("apply [ens3] with no static file", calls.get(calls.size() - 1));
    }

    @Test
    void whatTheFileHoldsNeverReachesTheResult() throws Exception {
        request("root:$6$secret-hash-from-a-file:19000:0:99999:7:::");
        handle();
        assertTrue(result().path("requestId").isNull());
        assertEquals("refused: network.json is not valid JSON (line 1, column 6)", result().path("error").asText());
        request("{\"requestId\":\"r3\",\"mode\":\"dhcp\",\"mode\":\"static\"}");
        handle();
        assertTrue(result().path("error").asText().contains("not valid JSON"), "a repeated key is refused: " + result());
        assertEquals(List.of(), calls);
    }

    @Test
    void linksAndOversizedFilesAreRefusedLeavingTheirTargetsAlone() throws Exception {
        Path outside = Files.writeString(data.resolve("outside.json"), "{\"requestId\":\"x\",\"mode\":\"dhcp\"}");
        Files.createSymbolicLink(folder.resolve(SystemRequests.NETWORK), outside);
        handle();
        assertEquals("refused: system/network.json is not a regular file (a link, folder or device)", result().path("error").asText());
        assertEquals("{\"requestId\":\"x\",\"mode\":\"dhcp\"}", Files.readString(outside), "its target is left alone");
        Files.delete(folder.resolve(SystemRequests.NETWORK));

        request("{\"requestId\":\"big\",\"mode\":\"dhcp\",\"pad\":\"" + "x".repeat(SystemRequests.MAX_REQUEST_BYTES) + "\"}");
        handle();
        assertTrue(result().path("error").asText().contains("more than 16384"), result().toString());
        assertEquals(List.of(), calls);
    }

    @Test
    void aResultPlantedAsALinkIsReplacedNotFollowed() throws Exception {
        Path victim = Files.writeString(data.resolve("victim"), "keep me\n");
        Files.createSymbolicLink(folder.resolve(SystemRequests.NETWORK_RESULT), victim);
        request("{\"requestId\":\"r4\",\"mode\":\"dhcp\"}");
        handle();
        assertEquals("keep me\n", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(folder.resolve(SystemRequests.NETWORK_RESULT)));
        assertTrue(result().path("ok").asBoolean());
    }

    @Test
    void aRequestFolderThatIsALinkIsNotUsed() throws Exception {
        Files.delete(folder);
        Path elsewhere = Files.createDirectories(data.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve(SystemRequests.POWER), "reboot");
        Files.createSymbolicLink(folder, elsewhere);
        handle();
        assertEquals(List.of(), calls);
        assertTrue(Files.exists(elsewhere.resolve(SystemRequests.POWER)));
        assertTrue(logged.stream().anyMatch(l -> l.contains("is not a folder")), logged.toString());
    }

    @Test
    void whenNetworkdCannotApplyItThePreviousSettingsComeBack() throws Exception {
        Files.writeString(staticFile(), PREVIOUS);
        networkctlFails = true;
        request("{\"requestId\":\"r5\",\"mode\":\"static\",\"address\":\"10.0.2.15/24\"}");
        handle();
        assertEquals("failed: networkctl reload failed (exit 1): Failed to reload network settings; putting the previous settings back"
            + " failed too: networkctl reload failed (exit 1): Failed to reload network settings", result().path("error").asText());
        assertEquals(PREVIOUS, Files.readString(staticFile()));

        networkctlFails = false;
        addressNeverShows = true;
        calls.clear();
        request("{\"requestId\":\"r6\",\"mode\":\"static\",\"address\":\"10.0.2.15/24\"}");
        handle();
        assertEquals("failed: systemd-networkd did not put 10.0.2.15/24 on ens3 within 0 s; the previous settings are back",
            result().path("error").asText());
        assertEquals(PREVIOUS, Files.readString(staticFile()));
        assertEquals(List.of("apply [ens3] with Address=10.0.2.15/24", "apply [ens3] with Address=192.0.2.10/24"), calls);
    }

    @Test
    void powerRunsRebootOrPoweroffAndRefusesAnythingElse() throws Exception {
        Files.writeString(folder.resolve(SystemRequests.POWER), "reboot\n");
        handle();
        assertEquals(List.of("power reboot"), calls);
        assertFalse(Files.exists(folder.resolve(SystemRequests.POWER)), "removed before the reboot, so it is not done twice");
        for (String bad : List.of("halt", "reboot now", "poweroff; rm -rf /", "")) {
            Files.writeString(folder.resolve(SystemRequests.POWER), bad);
            handle();
            assertFalse(Files.exists(folder.resolve(SystemRequests.POWER)));
        }
        assertEquals(List.of("power reboot"), calls);
        assertEquals(4, logged.stream().filter(l -> l.startsWith("power request refused")).count(), logged.toString());
        Files.writeString(folder.resolve("shutdown.sh"), "x");
        handle();
        assertTrue(logged.get(logged.size() - 1).contains("unknown request file system/shutdown.sh"), logged.toString());
    }

    private static List<String> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
