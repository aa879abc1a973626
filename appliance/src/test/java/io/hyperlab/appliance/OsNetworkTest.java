package io.hyperlab.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hyperlab.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the OS's network files and tools' output, from samples of what the kernel and iproute2 write. */
class OsNetworkTest {
    @Test
    void ipv6AddressesAreWrittenCompressedAsRfc5952Says() {
        assertEquals("fd00::2", OsNetwork.shortest("fd00:0:0:0:0:0:0:2"));
        assertEquals("::1", OsNetwork.shortest("0:0:0:0:0:0:0:1"));
        assertEquals("::", OsNetwork.shortest("0:0:0:0:0:0:0:0"));
        assertEquals("fe80::fc:ff:fe00:1", OsNetwork.shortest("fe80:0:0:0:fc:ff:fe00:1"));
        assertEquals("2001:db8:0:1:1:1:1:1", OsNetwork.shortest("2001:db8:0:1:1:1:1:1"), "one zero group stays");
        assertEquals("2001:db8::1:0:0:1", OsNetwork.shortest("2001:db8:0:0:1:0:0:1"), "the first of two equal runs");
        assertEquals("2001:0:0:1::1", OsNetwork.shortest("2001:0:0:1:0:0:0:1"), "the longest run");
        assertEquals("192.0.2.2", OsNetwork.shortest("192.0.2.2"));
    }

    @Test
    void theDefaultRouteWithTheLowestMetricIsTakenFromProcNetRoute() {
        String table = """
            Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
            wlan0	00000000	0101A8C0	0003	0	0	600	00000000	0	0	0
            eth0	00000000	010200C0	0003	0	0	100	00000000	0	0	0
            eth0	000200C0	00000000	0001	0	0	0	00FFFFFF	0	0	0
            """;
        assertEquals(new OsNetwork.DefaultRoute("eth0", "192.0.2.1"), OsNetwork.defaultRoute(table));
        assertNull(OsNetwork.defaultRoute(table.lines().filter(line -> !line.contains("\t00000000\t0")).reduce("", (a, b) -> a + b + "\n")),
            "no default route");
    }

    @Test
    void nameserversAreReadInOrderFromResolvConf() {
        assertEquals(List.of("10.0.0.1", "fd00::53"), OsNetwork.nameservers("""
            # generated
            search lab
            nameserver 10.0.0.1
            nameserver   fd00::53
            options edns0
            """));
    }

    @Test
    void aLeasedAddressIsDhcpAndAPermanentOneStatic() throws Exception {
        String leased = "[{\"ifname\":\"ens3\",\"addr_info\":[{\"family\":\"inet\",\"local\":\"10.0.2.15\",\"prefixlen\":24,"
            + "\"dynamic\":true,\"valid_life_time\":86000}]}]";
        String permanent = "[{\"ifname\":\"ens3\",\"addr_info\":[{\"family\":\"inet\",\"local\":\"10.0.2.15\",\"prefixlen\":24,"
            + "\"valid_life_time\":4294967295}]}]";
        assertEquals(NetworkMode.DHCP, OsNetwork.addressMode(Json.MAPPER.readTree(leased)));
        assertEquals(NetworkMode.STATIC, OsNetwork.addressMode(Json.MAPPER.readTree(permanent)));
        assertNull(OsNetwork.addressMode(Json.MAPPER.readTree("[{\"ifname\":\"ens3\",\"addr_info\":[]}]")), "no IPv4 address: cannot tell");
    }
}
