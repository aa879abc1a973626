package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.hyperlab.appliance.RootHelper;
import io.hyperlab.appliance.RootHelperStandIn;
import io.hyperlab.web.TestDaemon.Auth;
import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appliance's network settings and power through the API: a development daemon refuses to
 * touch its machine; the appliance's daemon writes exactly the files the root helper reads and
 * ends a network change when the helper answers, here played by the test writing its answer.
 */
@ExtendWith(VertxExtension.class)
class ApplianceApiTest {
    private static final Duration HELPER_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path devData;
    @TempDir
    static Path applianceData;
    static TestDaemon dev;
    static TestDaemon appliance;
    static Auth devAuth;
    static Auth auth;
    static Path system;
    static RootHelperStandIn helper;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        dev = TestDaemon.start(vertx, devData);
        devAuth = Auth.token(dev.newToken(dev.login(), "dev"));
        appliance = TestDaemon.start(vertx, applianceData, true, HELPER_TIMEOUT);
        auth = Auth.token(appliance.newToken(appliance.login(), "appliance"));
        system = applianceData.resolve(RootHelper.FOLDER);
        helper = new RootHelperStandIn(applianceData);
    }

    @AfterAll
    static void stop() {
        dev.close();
        appliance.close();
    }

    @Test
    void aDevelopmentDaemonReportsTheNetworkButRefusesToChangeItOrThePower() throws Exception {
        JsonNode status = dev.get("/api/v1/appliance", devAuth).json();
        assertFalse(status.get("onAppliance").asBoolean(), status.toString());
        JsonNode network = status.get("network");
        List<String> names = new ArrayList<>();
        network.get("interfaces").forEach(link -> names.add(link.get("name").asText()));
        assertEquals(kernelInterfaces(), names, network.toString());
        Map<String, Set<String>> ipAddresses = ipAddresses();
        if (ipAddresses != null) {
            // iproute2 writes IPv6 compressed (fd00::2), as the API must; the JDK alone would give fd00:0:0:0:0:0:0:2.
            for (JsonNode link : network.get("interfaces")) {
                Set<String> addresses = new TreeSet<>();
                link.get("addresses").forEach(address -> addresses.add(address.asText()));
                assertEquals(ipAddresses.get(link.get("name").asText()), addresses, link.toString());
            }
            for (JsonNode address : status.get("addresses")) {
                assertTrue(ipAddresses.get(address.get("interface").asText()).stream()
                    .anyMatch(a -> a.startsWith(address.get("address").asText() + "/")), address.toString());
            }
        }
        assertTrue(network.get("mode").asText().matches("dhcp|static"), network.toString());
        assertTrue(network.get("dns").isArray(), network.toString());
        JsonNode route = ipDefaultRoute();
        if (route != null) {
            assertEquals(route.path("gateway").asText(), network.path("gateway").asText(), network.toString());
            assertEquals(route.path("dev").asText(), network.path("interface").asText(), network.toString());
        }

        for (Reply refused : List.of(dev.put("/api/v1/appliance/network", devAuth, Map.of("mode", "dhcp")),
            dev.post("/api/v1/appliance/reboot", devAuth, null), dev.post("/api/v1/appliance/shutdown", devAuth, null))) {
            JsonNode error = refused.error(409, "not_appliance");
            assertTrue(error.get("message").asText().contains("not running on the HyperLab appliance"), error.toString());
        }
        assertTrue(dev.put("/api/v1/appliance/network", devAuth, Map.of("mode", "dhcp")).json().get("message").asText()
            .contains("will not change this machine's network"));
        assertFalse(Files.exists(devData.resolve(RootHelper.FOLDER)), "a development daemon leaves no request for a helper");
        assertFalse(dev.get("/api/v1/actions", devAuth).body().contains("appliance"), "nothing was done, so nothing is logged");
    }

    @Test
    void aStaticAddressIsWrittenForTheHelperAndTheTaskEndsWithItsAnswer() throws Exception {
        String nic = appliance.get("/api/v1/appliance", auth).json().get("network").get("interface").asText();
        assertTrue(appliance.get("/api/v1/appliance", auth).json().get("onAppliance").asBoolean());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", "static");
        body.put("interface", nic);
        body.put("address", "10.0.0.5/24");
        body.put("gateway", "10.0.0.1");
        body.put("dns", List.of("10.0.0.1", "9.9.9.9"));
        Reply queued = appliance.put("/api/v1/appliance/network", auth, body);
        assertEquals(202, queued.status(), queued.body());
        assertEquals("/api/v1/tasks/" + queued.json().get("id").asLong(), queued.headers().get("Location"));
        assertEquals("system", queued.json().get("kind").asText());

        JsonNode request = request();
        String requestId = request.get("requestId").asText();
        assertTrue(requestId.matches("[0-9a-f-]{36}"), requestId);
        assertEquals(List.of("requestId", "mode", "interface", "address", "gateway", "dns"), fieldNames(request));
        assertEquals("static", request.get("mode").asText());
        assertEquals(nic, request.get("interface").asText());
        assertEquals("10.0.0.5/24", request.get("address").asText());
        assertEquals("10.0.0.1", request.get("gateway").asText());
        assertEquals("[\"10.0.0.1\",\"9.9.9.9\"]", request.get("dns").toString());
        assertTrue(Files.readString(system.resolve(RootHelper.NETWORK_REQUEST)).endsWith("}\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(system.resolve(RootHelper.NETWORK_REQUEST))));
        assertEquals("pending", appliance.get("/api/v1/appliance", auth).json().get("network").get("change").get("state").asText());
        JsonNode busy = appliance.put("/api/v1/appliance/network", auth, Map.of("mode", "dhcp")).error(409, "conflict");
        assertTrue(busy.get("message").asText().contains(requestId), busy.toString());

        helper.answer("an-older-request", true, null);
        Thread.sleep(600);
        long id = queued.json().get("id").asLong();
        assertEquals("running", appliance.get("/api/v1/tasks/" + id, auth).json().get("status").asText(),
            "an answer to another request does not end this one");
        helper.answer(requestId, true, null);
        JsonNode task = appliance.finished(queued, auth);
        assertEquals("succeeded", task.get("status").asText(), task.toString());
        assertEquals(requestId, task.get("result").get("requestId").asText());

        JsonNode change = appliance.get("/api/v1/appliance", auth).json().get("network").get("change");
        assertEquals("applied", change.get("state").asText(), change.toString());
        assertEquals("10.0.0.5/24", change.get("request").get("address").asText());
        JsonNode logged = lastAction();
        assertEquals("appliance network", logged.get("action").asText());
        assertEquals("succeeded", logged.get("outcome").asText());
        assertEquals("web:admin", logged.get("actor").asText());
        assertTrue(logged.get("host").isNull(), logged.toString());
        assertEquals("10.0.0.5/24", logged.get("parameters").get("address").asText(), logged.toString());
        try (Stream<Path> left = Files.list(applianceData)) {
            assertTrue(left.noneMatch(file -> file.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }

    @Test
    void dhcpIsRequestedAloneAndTheHelpersRefusalFailsTheTaskWithItsReason() throws Exception {
        Reply queued = appliance.put("/api/v1/appliance/network", auth, Map.of("mode", "dhcp"));
        assertEquals(202, queued.status(), queued.body());
        JsonNode request = request();
        assertEquals(List.of("requestId", "mode"), fieldNames(request));
        assertEquals("dhcp", request.get("mode").asText());
        helper.answer(request.get("requestId").asText(), false, "networkctl reload failed: exit 1");
        JsonNode task = appliance.finished(queued, auth);
        assertEquals("failed", task.get("status").asText(), task.toString());
        assertTrue(task.get("error").asText().contains("could not apply the network settings: networkctl reload failed: exit 1"),
            task.toString());
        assertEquals("failed", appliance.get("/api/v1/appliance", auth).json().get("network").get("change").get("state").asText());
        assertEquals("failed", lastAction().get("outcome").asText());
    }

    @Test
    void withoutAnAnswerTheTaskFailsAfterTheTimeoutSayingSo() throws Exception {
        Reply queued = appliance.put("/api/v1/appliance/network", auth, Map.of("mode", "dhcp"));
        long started = System.nanoTime();
        JsonNode task = appliance.finished(queued, auth);
        assertTrue(System.nanoTime() - started >= HELPER_TIMEOUT.toNanos() - Duration.ofMillis(500).toNanos(), "it waited");
        assertEquals("failed", task.get("status").asText(), task.toString());
        assertTrue(task.get("error").asText().contains("did not answer network change " + request().get("requestId").asText()
            + " within 5 s"), task.toString());
        assertEquals("unanswered", appliance.get("/api/v1/appliance", auth).json().get("network").get("change").get("state").asText());
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        Map<String, String> before = systemFiles();
        String nic = appliance.get("/api/v1/appliance", auth).json().get("network").get("interface").asText();
        refused(Map.of(), "mode", "'mode' is required");
        refused(Map.of("mode", "auto"), "mode", "use dhcp or static");
        refused(Map.of("mode", 1), "mode", "must be a string");
        refused(Map.of("mode", "dhcp", "address", "10.0.0.5/24"), "address", "mode static only");
        refused(Map.of("mode", "dhcp", "netmask", "255.255.255.0"), "netmask", "unknown field");
        refused(staticWith("address", null), "address", "required");
        refused(staticWith("address", "10.0.0.5"), "address", "no prefix length");
        refused(staticWith("address", "10.0.0.256/24"), "address", "256 is over 255");
        refused(staticWith("address", "10.0.0.05/24"), "address", "not an IPv4 address");
        refused(staticWith("address", "10.0.0.5/31"), "address", "use /1 to /30");
        refused(staticWith("address", "10.0.0.0/24"), "address", "the network's own address");
        refused(staticWith("address", "10.0.0.255/24"), "address", "broadcast address");
        refused(staticWith("address", "127.0.0.5/8"), "address", "loopback");
        refused(staticWith("address", "'; reboot; echo '/24"), "address", "not an IPv4 address");
        refused(staticWith("gateway", null), "gateway", "required");
        refused(staticWith("gateway", "10.0.1.1"), "gateway", "not on the appliance's network 10.0.0.0/24");
        refused(staticWith("gateway", "10.0.0.5"), "gateway", "the appliance's own address");
        refused(staticWith("dns", List.of("1.1.1.1", "8.8.8.8", "9.9.9.9", "10.0.0.1")), "dns", "at most 3");
        refused(staticWith("dns", List.of("8.8.8.x")), "dns", "not an IPv4 address");
        refused(staticWith("dns", List.of("224.0.0.1")), "dns", "multicast");
        refused(staticWith("dns", "10.0.0.1"), "dns", "a list of strings");
        refused(staticWith("interface", "ens99x"), "interface", "no network interface 'ens99x' here: the appliance has ");
        refused(staticWith("interface", "ens99x"), "interface", nic);
        refused(staticWith("interface", "../../etc"), "interface", "not a network interface");
        refused(staticWith("interface", "lo"), "interface", "loopback");
        appliance.send(HttpMethod.PUT, "/api/v1/appliance/network", auth, "application/json", "{\"mode\":").error(400, "invalid_input");
        appliance.send(HttpMethod.PUT, "/api/v1/appliance/network", auth, "text/plain", "mode=dhcp").error(415, "unsupported_media_type");
        assertEquals(before, systemFiles(), "nothing written for the helper");
        assertEquals(200, appliance.get("/api/v1/health", Auth.NONE).status());
    }

    @Test
    void rebootAndShutdownAreWrittenForTheHelper() throws Exception {
        Reply reboot = appliance.post("/api/v1/appliance/reboot", auth, null);
        assertEquals(202, reboot.status(), reboot.body());
        assertEquals("reboot", reboot.json().get("action").asText());
        assertEquals("reboot\n", helper.powerRequest());
        assertEquals("appliance reboot", lastAction().get("action").asText());
        assertEquals(202, appliance.post("/api/v1/appliance/shutdown", auth, null).status());
        assertEquals("poweroff\n", helper.powerRequest());
        JsonNode logged = lastAction();
        assertEquals("appliance poweroff", logged.get("action").asText());
        assertEquals("succeeded", logged.get("outcome").asText());
    }

    private static void refused(Map<String, Object> body, String field, String words) {
        JsonNode error = appliance.put("/api/v1/appliance/network", auth, body).error(400, "invalid_input");
        assertEquals(field, error.path("field").asText(), error.toString());
        assertTrue(error.get("message").asText().contains(words), "'" + words + "' not in " + error);
    }

    /** A sound static request with one field changed (or left out, for null). */
    private static Map<String, Object> staticWith(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", "static");
        body.put("address", "10.0.0.5/24");
        body.put("gateway", "10.0.0.1");
        body.put("dns", List.of("10.0.0.1"));
        body.remove(field);
        if (value != null) {
            body.put(field, value);
        }
        return body;
    }

    /** The request file as the daemon left it. */
    private static JsonNode request() throws IOException {
        return Json.MAPPER.readTree(Files.readString(system.resolve(RootHelper.NETWORK_REQUEST)));
    }

    private static JsonNode lastAction() {
        JsonNode actions = appliance.get("/api/v1/actions", auth).json();
        return actions.get(actions.size() - 1);
    }

    private static Map<String, String> systemFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(system)) {
            try (Stream<Path> list = Files.list(system)) {
                for (Path file : list.toList()) {
                    files.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        return files;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The kernel's interfaces but loopback, in its order, read from /sys/class/net apart from the daemon. */
    private static List<String> kernelInterfaces() throws IOException {
        List<String[]> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of("/sys/class/net"))) {
            for (Path folder : list.toList()) {
                if (!Files.readString(folder.resolve("type")).strip().equals("772")) {
                    found.add(new String[] {Files.readString(folder.resolve("ifindex")).strip(), folder.getFileName().toString()});
                }
            }
        }
        found.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
        return found.stream().map(f -> f[1]).toList();
    }

    /** Each interface's addresses as iproute2 writes them ("A/N"), or null without the ip command. */
    private static Map<String, Set<String>> ipAddresses() throws Exception {
        JsonNode links = ip("addr", "show");
        if (links == null) {
            return null;
        }
        Map<String, Set<String>> addresses = new TreeMap<>();
        for (JsonNode link : links) {
            Set<String> own = new TreeSet<>();
            link.path("addr_info").forEach(a -> own.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt()));
            addresses.put(link.path("ifname").asText(), own);
        }
        return addresses;
    }

    /** The IPv4 default route as iproute2 reports it, or null (no ip command, or no default route). */
    private static JsonNode ipDefaultRoute() throws Exception {
        JsonNode routes = ip("-4", "route", "show", "default");
        return routes != null && routes.isArray() && routes.size() > 0 ? routes.get(0) : null;
    }

    /** {@code ip -j ARGS}' answer, or null (no ip command, or it failed). */
    private static JsonNode ip(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "-j"));
        command.addAll(List.of(args));
        Process ip;
        try {
            ip = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("ApplianceApiTest: no ip command, so the network is not checked against iproute2: " + e.getMessage());
            return null;
        }
        String out = new String(ip.getInputStream().readAllBytes());
        return ip.waitFor() == 0 ? Json.MAPPER.readTree(out) : null;
    }
}
