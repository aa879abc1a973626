package io.hyperlab.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one checker of a network change, as the daemon reads the API's body and as the root
 * helper can read the request file back: field by field, naming the field at fault.
 */
class NetworkChangeTest {
    private static final List<String> NICS = List.of("ens3", "ens4");

    @Test
    void aStaticChangeWithoutAnInterfaceTakesTheDefaultAndIsWrittenCanonically() {
        NetworkChange change = NetworkChange.fromJson(json("{\"mode\":\"static\",\"address\":\" 10.0.0.5/24 \",\"gateway\":\"10.0.0.1\"}"),
            NICS, "ens4");
        assertEquals("ens4", change.interfaceName());
        assertEquals("10.0.0.5/24", change.address());
        assertEquals(List.of(), change.dns());
        NetworkRequestFile file = NetworkRequestFile.of(change);
        assertEquals("{\"requestId\":\"" + file.requestId() + "\",\"mode\":\"static\",\"interface\":\"ens4\",\"address\":\"10.0.0.5/24\","
            + "\"gateway\":\"10.0.0.1\",\"dns\":[]}\n", file.text());
        assertEquals(file, NetworkRequestFile.parse(file.text(), NICS), "what the daemon writes reads back the same");
    }

    @Test
    void dhcpCarriesNothingElse() {
        NetworkChange change = NetworkChange.fromJson(json("{\"mode\":\"dhcp\"}"), NICS, "ens3");
        assertNull(change.interfaceName());
        assertNull(change.dns());
        NetworkRequestFile file = NetworkRequestFile.of(change);
        assertEquals("{\"requestId\":\"" + file.requestId() + "\",\"mode\":\"dhcp\"}\n", file.text());
        refused("{\"mode\":\"dhcp\",\"dns\":[\"10.0.0.1\"]}", "dns", "mode static only");
        refused("{\"mode\":\"dhcp\",\"interface\":\"ens3\"}", "interface", "mode static only");
    }

    @Test
    void eachBadFieldIsNamed() {
        refused("[]", null, "must be a JSON object");
        refused("{}", "mode", "'mode' is required");
        refused("{\"mode\":true}", "mode", "'mode' must be a string, not true");
        refused("{\"mode\":\"manual\"}", "mode", "use dhcp or static");
        refused("{\"mode\":\"dhcp\",\"netmask\":\"255.0.0.0\"}", "netmask", "unknown field 'netmask'");
        refused(staticWith("\"interface\":\"ens9\""), "interface", "no network interface 'ens9' here: the appliance has ens3, ens4");
        refused(staticWith("\"interface\":\"a;b\""), "interface", "not a network interface");
        refused(staticWith("\"address\":\"10.0.0.5/0\""), "address", "use /1 to /30");
        refused(staticWith("\"address\":\"010.0.0.5/24\""), "address", "not an IPv4 address");
        refused(staticWith("\"address\":\"169.254.0.5/16\""), "address", "link-local");
        refused(staticWith("\"address\":5"), "address", "must be a string");
        refused(staticWith("\"gateway\":\"10.0.0.255\""), "gateway", "broadcast");
        refused(staticWith("\"dns\":[\"10.0.0.1\",\"10.0.0.1\"]"), "dns", "given twice");
        refused(staticWith("\"dns\":[1]"), "dns", "a list of strings");
        assertThrows(InvalidInputException.class, () -> NetworkChange.fromJson(json("{\"mode\":\"static\",\"address\":\"10.0.0.5/24\","
            + "\"gateway\":\"10.0.0.1\"}"), NICS, null), "a static address needs an interface when there is no default");
    }

    @Test
    void aRequestFileIsCheckedAsStrictlyAsTheApi() {
        String id = "6f1c1e9e-2f33-4d0a-9c55-0f3c2a7d1b10";
        assertEquals(id, NetworkRequestFile.parse("{\"requestId\":\"" + id + "\",\"mode\":\"dhcp\"}", NICS).requestId());
        fileRefused("{\"mode\":\"dhcp\"}", "requestId", "'requestId' is required");
        fileRefused("{\"requestId\":\"../x\",\"mode\":\"dhcp\"}", "requestId", "not a request id");
        fileRefused("{\"requestId\":\"" + id.toUpperCase() + "\",\"mode\":\"dhcp\"}", "requestId", "lower-case");
        fileRefused("{\"requestId\":\"" + id + "\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"gateway\":\"10.0.0.1\"}",
            "interface", "'interface' is required");
        fileRefused("{\"requestId\":\"" + id + "\",\"mode\":\"dhcp\",\"run\":\"reboot\"}", "run", "unknown field");
        fileRefused("{\"requestId\":", null, "not valid JSON");
    }

    private static String staticWith(String field) {
        return "{\"mode\":\"static\",\"interface\":\"ens3\",\"address\":\"10.0.0.5/24\",\"gateway\":\"10.0.0.1\",\"dns\":[],"
            .replaceAll("\"" + field.substring(1, field.indexOf('"', 1)) + "\":(\"[^\"]*\"|\\[\\]),", "") + field + "}";
    }

    private static void refused(String body, String field, String words) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NetworkChange.fromJson(json(body), NICS, "ens3"), body);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), "'" + words + "' not in: " + e.getMessage());
    }

    private static void fileRefused(String text, String field, String words) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NetworkRequestFile.parse(text, NICS), text);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), "'" + words + "' not in: " + e.getMessage());
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
