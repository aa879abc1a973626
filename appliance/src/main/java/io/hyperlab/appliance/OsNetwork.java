package io.hyperlab.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the machine's network as the kernel and resolver have it, without privileges: the
 * interfaces from /sys/class/net and their addresses from the JDK, the default route from
 * /proc/net/route, the DNS servers from systemd-resolved's upstream list (or /etc/resolv.conf),
 * and whether the management address came from DHCP from {@code ip -j addr} (a leased address
 * has a lifetime; a static one is permanent).
 */
public final class OsNetwork {
    private static final Path SYS_NET = Path.of("/sys/class/net");
    private static final Path ROUTES = Path.of("/proc/net/route");
    /** systemd-resolved's list of the real servers; /etc/resolv.conf then names only its local stub. */
    private static final List<Path> RESOLV_CONF = List.of(Path.of("/run/systemd/resolve/resolv.conf"), Path.of("/etc/resolv.conf"));
    private static final int LOOPBACK_TYPE = 772;
    private static final int RTF_UP = 0x1;
    private static final int RTF_GATEWAY = 0x2;

    private OsNetwork() {
    }

    /** The default route: its interface and gateway. */
    record DefaultRoute(String interfaceName, String gateway) {
    }

    /**
     * The network now; the mode is the OS's answer, else the last change the root helper
     * applied, else DHCP (what the appliance starts with).
     */
    public static NetworkStatus read(RootHelper.NetworkRequest lastChange) {
        List<NetworkStatus.Link> links = links();
        DefaultRoute route = defaultRoute(readText(ROUTES));
        String management = managementInterface(links, route);
        NetworkMode mode = management == null ? null : addressMode(management);
        if (mode == null && lastChange != null && lastChange.state().equals(RootHelper.NetworkRequest.APPLIED)) {
            mode = lastChange.request().mode();
        }
        String resolv = "";
        for (Path file : RESOLV_CONF) {
            if (Files.isReadable(file)) {
                resolv = readText(file);
                break;
            }
        }
        return new NetworkStatus(links, management, mode == null ? NetworkMode.DHCP : mode, route == null ? null : route.gateway(),
            nameservers(resolv), lastChange);
    }

    /** Every interface but loopback, in the kernel's order. */
    static List<NetworkStatus.Link> links() {
        List<Path> folders;
        try (Stream<Path> list = Files.list(SYS_NET)) {
            folders = list.sorted(Comparator.comparingLong(folder -> number(folder.resolve("ifindex")))).toList();
        } catch (IOException e) {
            return List.of();
        }
        List<NetworkStatus.Link> links = new ArrayList<>();
        for (Path folder : folders) {
            if (number(folder.resolve("type")) == LOOPBACK_TYPE) {
                continue;
            }
            String name = folder.getFileName().toString();
            links.add(new NetworkStatus.Link(name, readText(folder.resolve("address")).strip(), addresses(name),
                readText(folder.resolve("operstate")).strip().toLowerCase(Locale.ROOT)));
        }
        return links;
    }

    /** The names of the machine's interfaces but loopback. */
    public static List<String> interfaceNames() {
        return links().stream().map(NetworkStatus.Link::name).toList();
    }

    /** The interface of the default route; else the first that is up; else the first; null when there is none. */
    static String managementInterface(List<NetworkStatus.Link> links, DefaultRoute route) {
        if (route != null && links.stream().anyMatch(link -> link.name().equals(route.interfaceName()))) {
            return route.interfaceName();
        }
        return links.stream().filter(link -> link.state().equals("up")).findFirst()
            .or(() -> links.stream().findFirst()).map(NetworkStatus.Link::name).orElse(null);
    }

    /** The interface's default: the management interface now. */
    public static String managementInterface() {
        return managementInterface(links(), defaultRoute(readText(ROUTES)));
    }

    private static List<String> addresses(String name) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null) {
                return List.of();
            }
            return nic.getInterfaceAddresses().stream()
                .sorted(Comparator.comparing((InterfaceAddress a) -> a.getAddress() instanceof Inet4Address ? 0 : 1))
                .map(a -> shortest(a.getAddress().getHostAddress().replaceAll("%.*$", "")) + "/" + a.getNetworkPrefixLength())
                .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    /**
     * An address as people write it: the JDK writes every IPv6 group (fd00:0:0:0:0:0:0:2), RFC
     * 5952 writes the longest run of two or more zero groups as "::" (fd00::2). IPv4 is unchanged.
     */
    public static String shortest(String address) {
        String[] groups = address.split(":", -1);
        if (groups.length != 8) {
            return address;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return address;
        }
        return String.join(":", Arrays.copyOfRange(groups, 0, bestStart)) + "::"
            + String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    }

    /** The default route with the lowest metric in /proc/net/route's text, or null. */
    static DefaultRoute defaultRoute(String table) {
        DefaultRoute best = null;
        long bestMetric = Long.MAX_VALUE;
        for (String line : table.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 8 || !f[1].equals("00000000") || !f[7].equals("00000000")) {
                continue;
            }
            try {
                int flags = Integer.parseInt(f[3], 16);
                long metric = Long.parseLong(f[6]);
                if ((flags & RTF_UP) != 0 && (flags & RTF_GATEWAY) != 0 && metric < bestMetric) {
                    // The kernel writes the address in its own (little-endian) byte order.
                    best = new DefaultRoute(f[0], new Ipv4(Integer.reverseBytes(Integer.parseUnsignedInt(f[2], 16))).toString());
                    bestMetric = metric;
                }
            } catch (NumberFormatException e) {
                // The header line, or something this reader does not know: not a route.
            }
        }
        return best;
    }

    /** The nameserver lines of a resolv.conf, in order. */
    static List<String> nameservers(String resolvConf) {
        List<String> servers = new ArrayList<>();
        for (String line : resolvConf.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].equals("nameserver")) {
                servers.add(f[1]);
            }
        }
        return servers;
    }

    /** DHCP when the interface's IPv4 address is leased, static when permanent, null when {@code ip} cannot tell. */
    static NetworkMode addressMode(String interfaceName) {
        try {
            Process ip = new ProcessBuilder("ip", "-j", "-4", "addr", "show", "dev", interfaceName)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = ip.getInputStream()) {
                out = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
            if (!ip.waitFor(5, TimeUnit.SECONDS)) {
                ip.destroyForcibly();
                return null;
            }
            return ip.exitValue() == 0 ? addressMode(Json.MAPPER.readTree(out)) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The same, from {@code ip -j addr}'s output: an address without "dynamic" is permanent. */
    static NetworkMode addressMode(JsonNode ipAddr) {
        boolean any = false;
        for (JsonNode link : ipAddr) {
            for (JsonNode address : link.path("addr_info")) {
                if (address.path("family").asText().equals("inet")) {
                    if (address.path("dynamic").asBoolean(false)) {
                        return NetworkMode.DHCP;
                    }
                    any = true;
                }
            }
        }
        return any ? NetworkMode.STATIC : null;
    }

    private static long number(Path file) {
        try {
            return Long.parseLong(readText(file).strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
