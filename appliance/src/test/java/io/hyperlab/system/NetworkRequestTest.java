package io.hyperlab.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkRequestTest {
    private static final Set<String> LINKS = Set.of("lo", "ens3", "ens4");

    private static NetworkRequest parse(String json) throws Exception {
        return NetworkRequest.parse(Json.MAPPER.readTree(json), LINKS);
    }

    @Test
    void aStaticRequestBecomesANetworkdFileForItsInterface() throws Exception {
        NetworkRequest request = parse("{\"requestId\":\"task-7\",\"mode\":\"static\",\"interface\":\"ens4\",\"address\":\"10.0.2.15/24\","
            + "\"gateway\":\"10.0.2.2\",\"dns\":[\"10.0.2.3\",\"192.0.2.53\"]}");
        assertEquals("""
            # Written by HyperLab's system helper for request task-7: the management interface's static address.
            [Match]
            Name=ens4

            [Network]
            Address=10.0.2.15/24
            Gateway=10.0.2.2
            DNS=10.0.2.3
            DNS=192.0.2.53
            """, request.networkdFile());
    }

    @Test
    void withoutAnInterfaceTheFirstOneButLoopbackIsUsedAndGatewayAndDnsMayBeLeftOut() throws Exception {
        NetworkRequest request = parse("{\"requestId\":42,\"mode\":\"static\",\"address\":\"192.168.1.10/16\"}");
        assertEquals("ens3", request.iface());
        assertEquals(42, request.requestId().asInt());
        assertTrue(request.networkdFile().endsWith("Address=192.168.1.10/16\n"), request.networkdFile());
        assertEquals(NetworkRequest.Mode.DHCP, parse("{\"requestId\":\"a.b_c:d-1\",\"mode\":\"dhcp\"}").mode());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"mode\":\"dhcp\"}|requestId|requestId is missing",
        "{\"requestId\":\"a b\",\"mode\":\"dhcp\"}|requestId|not an id",
        "{\"requestId\":-1,\"mode\":\"dhcp\"}|requestId|not an id",
        "{\"requestId\":\"1\",\"mode\":\"DHCP\"}|mode|use \"dhcp\" or \"static\"",
        "{\"requestId\":\"1\",\"mode\":7}|mode|must be text",
        "{\"requestId\":\"1\"}|mode|mode is missing",
        "{\"requestId\":\"1\",\"mode\":\"dhcp\",\"address\":\"10.0.0.5/24\"}|address|not allowed with mode \"dhcp\"",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"script\":\"x\"}|script|the fields are",
        "{\"requestId\":\"1\",\"mode\":\"static\"}|address|address is missing",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5\"}|address|with a prefix length",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.256/24\"}|address|with a prefix length",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"010.0.0.5/24\"}|address|with a prefix length",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\\nDNS=1.1.1.1\"}|address|with a prefix length",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/31\"}|address|prefix length must be 8 to 30",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"127.0.0.5/8\"}|address|loopback",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"224.0.0.5/24\"}|address|multicast",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.0/24\"}|address|network's own address",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.255/24\"}|address|broadcast",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"gateway\":\"10.0.1.1\"}|gateway|not a host of the address's network 10.0.0.0/24",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"gateway\":\"10.0.0.5\"}|gateway|the address itself",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"gateway\":\"router\"}|gateway|not an IPv4 address",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"dns\":\"10.0.0.1\"}|dns|must be a list",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"dns\":[1]}|dns|as text",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"dns\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}|dns|at most 4",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"dns\":[\"0.0.0.0\"]}|dns|reserved",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"interface\":\"lo\"}|interface|use one of ens3, ens4",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"interface\":\"eth9\"}|interface|not a network interface",
        "{\"requestId\":\"1\",\"mode\":\"static\",\"address\":\"10.0.0.5/24\",\"interface\":\"ens3\\n[Match]\"}|interface|not a network interface",
    })
    void badRequestsAreRefusedNamingTheField(String json, String field, String says) throws Exception {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> parse(json));
        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(refused.getMessage().contains(says), refused.getMessage());
        assertTrue(!refused.getMessage().contains("\n"), "one line: " + refused.getMessage());
    }

    @Test
    void notAnObjectIsRefused() throws Exception {
        for (String json : List.of("[]", "\"dhcp\"", "null")) {
            JsonNode node = Json.MAPPER.readTree(json);
            assertTrue(assertThrows(InvalidInputException.class, () -> NetworkRequest.parse(node, LINKS)).getMessage()
                .contains("JSON object"));
        }
    }

    @Test
    void ipv4IsReadStrictlyAndKnowsItsNetwork() {
        Ipv4.Cidr cidr = Ipv4.Cidr.parse("address", "172.16.5.9/20");
        assertEquals("172.16.0.0", cidr.network().toString());
        assertEquals("172.16.15.255", cidr.broadcast().toString());
        assertTrue(cidr.contains(Ipv4.parse("gateway", "172.16.15.254")));
        assertEquals("255.255.255.255", Ipv4.parse("x", "255.255.255.255").toString());
        for (String bad : new String[] {"1.2.3", "1.2.3.4.5", " 1.2.3.4", "1.2.3.4 ", "0x1.2.3.4", "1.2.3.04", "localhost", ""}) {
            assertThrows(InvalidInputException.class, () -> Ipv4.parse("x", bad), bad);
        }
    }
}
