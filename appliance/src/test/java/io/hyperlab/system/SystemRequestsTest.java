package io.hyperlab.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The root helper against real files in a temporary data folder. systemd-networkd and systemctl
 * cannot run on the build machines, so the operating system is a recording stand-in here; the
 * appliance's boot test applies a request with the real networkd.
 */
class SystemRequestsTest {
    private static final String PREVIOUS = "# from first boot\n[Match]\nName=en* eth*\n\n[Network]\nAddress=192.0.2.10/24\n";
    private static final String ID1 = "0b6f0d5e-3c1a-4f7e-9a51-2f6f4e1d9c01";
    private static final String ID2 = "0b6f0d5e-3c1a-4f7e-9a51-2f6f4e1d9c02";
    private static final String ID3 = "0b6f0d5e-3c1a-4f7e-9a51-2f6f4e1d9c03";
    private static final String STATIC = "\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.0.2.2\"";

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
    /** What the daemon puts in the folder while networkd applies (file name and content), as a running helper may see. */
    String[] arrivesDuringApply;
    Instant bootTime = Instant.EPOCH;

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
            if (arrivesDuringApply != null) {
                Files.writeString(folder.resolve(arrivesDuringApply[0]), arrivesDuringApply[1]);
                arrivesDuringApply = null;
            }
        }

        @Override
        public boolean hasAddress(String iface, String address) {
            return !addressNeverShows;
        }

        @Override
        public void power(String action) {
            calls.add("power " + action);
        }

        @Override
        public Instant bootTime() {
            return bootTime;
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

    /** A request as the daemon writes it: its id, then the change's fields. */
    private void request(String id, String fields) throws IOException {
        request("{\"requestId\":\"" + id + "\"," + fields + "}\n");
    }

    @Test
    void aStaticAddressIsWrittenForNetworkdAppliedAndReported() throws Exception {
        request(ID1, STATIC + ",\"dns\":[\"10.0.2.3\",\"192.0.2.53\"]");
        handle();
        assertEquals("{\"requestId\":\"" + ID1 + "\",\"ok\":true,\"error\":null}",
            Files.readString(folder.resolve(SystemRequests.NETWORK_RESULT)).strip());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(SystemRequests.NETWORK_RESULT))),
            "the daemon's user can read the result");
        assertEquals("""
            # Written by HyperLab's system helper for request %s: the management interface's static address.
            [Match]
            Name=ens3

            [Network]
            Address=10.0.2.15/24
            Gateway=10.0.2.2
            DNS=10.0.2.3
            DNS=192.0.2.53
            """.formatted(ID1), Files.readString(staticFile()));
        assertEquals(List.of("apply [ens3] with Address=10.0.2.15/24"), calls);
        assertTrue(Files.exists(folder.resolve(SystemRequests.NETWORK)), "the request stays: the daemon reads it back");
        assertEquals(List.of(SystemRequests.NETWORK, SystemRequests.NETWORK_RESULT), list(folder), "no temporary file is left");
        assertTrue(logged.stream().anyMatch(l -> l.contains("static 10.0.2.15/24 on ens3")), logged.toString());
    }

    @Test
    void dhcpRemovesTheStaticFileSoTheImagesDhcpDefaultApplies() throws Exception {
        Files.writeString(staticFile(), PREVIOUS);
        request(ID1, "\"mode\":\"dhcp\"");
        handle();
        assertEquals(ID1, result().path("requestId").asText());
        assertTrue(result().path("ok").asBoolean(), result().toString());
        assertFalse(Files.exists(staticFile()));
        assertEquals(List.of("apply [ens3] with no static file"), calls);
    }

    /** The daemon's own checker (NetworkChange) decides, against this machine's interfaces: what the API refuses, the helper refuses. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.9.9.9\"|the gateway 10.9.9.9 is not on the appliance's network 10.0.2.0/24",
        "\"mode\":\"static\",\"interface\":\"eth9\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.0.2.2\"|there is no network interface 'eth9' here: the appliance has ens3",
        "\"mode\":\"static\",\"interface\":\"lo\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.0.2.2\"|not a network interface that can take a static address",
        "\"mode\":\"static\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.0.2.2\"|'interface' is required",
        "\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.2.15/24\"|'gateway' is required",
        "\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.2.15/24\\nDNS=1.1.1.1\",\"gateway\":\"10.0.2.2\"|the prefix length",
        "\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"010.0.2.15/24\",\"gateway\":\"10.0.2.2\"|is not an IPv4 address",
        "\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.2.15/31\",\"gateway\":\"10.0.2.14\"|use /1 to /30",
        "\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.2.15/24\",\"gateway\":\"10.0.2.2\",\"dns\":[\"a\",\"b\",\"c\",\"d\"]|give at most 3",
        "\"mode\":\"dhcp\",\"interface\":\"ens3\"|goes with mode static only",
        "\"mode\":\"dhcp\",\"script\":\"x\"|unknown field 'script'",
        "\"mode\":\"DHCP\"|use dhcp or static",
    })
    void aBadRequestIsRefusedWithTheDaemonsOwnMessageAndChangesNothing(String fields, String says) throws Exception {
        Files.writeString(staticFile(), PREVIOUS);
        request(ID2, fields);
        handle();
        assertEquals(ID2, result().path("requestId").asText());
        assertFalse(result().path("ok").asBoolean());
        assertTrue(result().path("error").asText().startsWith("refused: "), result().toString());
        assertTrue(result().path("error").asText().contains(says), result().toString());
        assertEquals(PREVIOUS, Files.readString(staticFile()));
        assertEquals(List.of(), calls, "networkd was not touched");
    }

    @Test
    void aRequestIdThatIsNotTheDaemonsUuidIsRefused() throws Exception {
        request("task-7", "\"mode\":\"dhcp\"");
        handle();
        assertEquals("task-7", result().path("requestId").asText(), "echoed, so the refusal can be told");
        assertTrue(result().path("error").asText().contains("is not a request id: a UUID"), result().toString());
        request("{\"requestId\":\"a b\",\"mode\":\"dhcp\"}");
        handle();
        assertTrue(result().path("requestId").isNull(), "an id that is not plain text is not echoed: " + result());
        assertEquals(List.of(), calls);
    }

    @Test
    void aRequestAlreadyAnsweredIsNotAppliedAgainButANewOneIs() throws Exception {
        request(ID1, STATIC + ",\"dns\":[]");
        handle();
        Files.writeString(folder.resolve(SystemRequests.POWER), "poweroff\n");
        handle();
        assertEquals(List.of("apply [ens3] with Address=10.0.2.15/24", "power poweroff"), calls, "a later run for power leaves it alone");
        assertTrue(logged.stream().anyMatch(l -> l.equals("network request " + ID1 + ": answered already, nothing to do")), logged.toString());
        request(ID2, "\"mode\":\"dhcp\"");
        handle();
        assertEquals(ID2, result().path("requestId").asText());
        assertEquals("apply [ens3] with no static file", calls.get(calls.size() - 1));
    }

    @Test
    void whatTheFileHoldsNeverReachesTheResult() throws Exception {
        request("root:$6$secret-hash-from-a-file:19000:0:99999:7:::");
        handle();
        assertTrue(result().path("requestId").isNull());
        assertEquals("refused: network.json is not valid JSON (line 1, column 6)", result().path("error").asText());
        request("{\"requestId\":\"" + ID3 + "\",\"mode\":\"dhcp\",\"mode\":\"static\"}");
        handle();
        assertTrue(result().path("error").asText().contains("not valid JSON"), "a repeated key is refused: " + result());
        assertEquals(List.of(), calls);
    }

    @Test
    void linksAndOversizedFilesAreRefusedLeavingTheirTargetsAlone() throws Exception {
        Path outside = Files.writeString(data.resolve("outside.json"), "{\"requestId\":\"" + ID1 + "\",\"mode\":\"dhcp\"}");
        Files.createSymbolicLink(folder.resolve(SystemRequests.NETWORK), outside);
        handle();
        assertEquals("refused: system/network.json is not a regular file (a link, folder or device)", result().path("error").asText());
        assertEquals("{\"requestId\":\"" + ID1 + "\",\"mode\":\"dhcp\"}", Files.readString(outside), "its target is left alone");
        Files.delete(folder.resolve(SystemRequests.NETWORK));

        request(ID2, "\"mode\":\"dhcp\",\"pad\":\"" + "x".repeat(SystemRequests.MAX_REQUEST_BYTES) + "\"");
        handle();
        assertTrue(result().path("error").asText().contains("more than 16384"), result().toString());
        assertEquals(List.of(), calls);
    }

    @Test
    void aResultPlantedAsALinkIsReplacedNotFollowed() throws Exception {
        Path victim = Files.writeString(data.resolve("victim"), "keep me\n");
        Files.createSymbolicLink(folder.resolve(SystemRequests.NETWORK_RESULT), victim);
        request(ID1, "\"mode\":\"dhcp\"");
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
        request(ID1, STATIC);
        handle();
        assertEquals("failed: networkctl reload failed (exit 1): Failed to reload network settings; putting the previous settings back"
            + " failed too: networkctl reload failed (exit 1): Failed to reload network settings", result().path("error").asText());
        assertEquals(PREVIOUS, Files.readString(staticFile()));

        networkctlFails = false;
        addressNeverShows = true;
        calls.clear();
        request(ID2, STATIC);
        handle();
        assertEquals("failed: systemd-networkd did not put 10.0.2.15/24 on ens3 within 0 s; the previous settings are back",
            result().path("error").asText());
        assertEquals(PREVIOUS, Files.readString(staticFile()));
        assertEquals(List.of("apply [ens3] with Address=10.0.2.15/24", "apply [ens3] with Address=192.0.2.10/24"), calls);
    }

    /** systemd does not start the helper again for a PathChanged= event while it runs: the helper looks again itself. */
    @Test
    void requestsThatArriveWhileTheHelperRunsAreHandledInTheSameRun() throws Exception {
        request(ID1, STATIC);
        arrivesDuringApply = new String[] {SystemRequests.NETWORK, "{\"requestId\":\"" + ID2 + "\",\"mode\":\"dhcp\"}\n"};
        handle();
        assertEquals(List.of("apply [ens3] with Address=10.0.2.15/24", "apply [ens3] with no static file"), calls);
        assertEquals(ID2, result().path("requestId").asText());

        calls.clear();
        request(ID3, STATIC);
        arrivesDuringApply = new String[] {SystemRequests.POWER, "reboot\n"};
        handle();
        assertEquals(List.of("apply [ens3] with Address=10.0.2.15/24", "power reboot"), calls);
        assertFalse(Files.exists(folder.resolve(SystemRequests.POWER)));
    }

    @Test
    void aPowerRequestWrittenBeforeThisBootIsRemovedNotDone() throws Exception {
        Files.writeString(folder.resolve(SystemRequests.POWER), "poweroff\n");
        Files.setLastModifiedTime(folder.resolve(SystemRequests.POWER), FileTime.from(Instant.now().minusSeconds(600)));
        bootTime = Instant.now().minusSeconds(60);
        handle();
        assertEquals(List.of(), calls, "a machine just started is not powered off by a request from before");
        assertFalse(Files.exists(folder.resolve(SystemRequests.POWER)));
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("power request refused: it was written at") && l.contains("before this boot")),
            logged.toString());
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
