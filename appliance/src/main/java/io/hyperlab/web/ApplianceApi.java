package io.hyperlab.web;

import io.hyperlab.Version;
import io.hyperlab.appliance.OsNetwork;
import io.hyperlab.appliance.RootHelper;
import io.hyperlab.bench.env.MemInfo;
import io.hyperlab.task.Tasks;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The appliance itself: health (no login needed) and its status (version, addresses, uptime,
 * load, memory, TLS, whether this daemon is the appliance's, and its network settings).
 */
final class ApplianceApi {
    private final Api api;
    private final Tasks tasks;
    private final String hostname;
    private final Instant started;
    private final Certificate certificate;
    private final Supplier<String> url;
    private final RootHelper helper;

    /** @param helper the root helper's files on the appliance; null for a daemon elsewhere */
    ApplianceApi(Api api, Tasks tasks, String hostname, Instant started, Certificate certificate, Supplier<String> url,
                 RootHelper helper) {
        this.api = api;
        this.tasks = tasks;
        this.hostname = hostname;
        this.started = started;
        this.certificate = certificate;
        this.url = url;
        this.helper = helper;
    }

    void mountPublic(Router router) {
        router.get("/api/v1/health").handler(ctx -> Api.json(ctx, 200, Map.of("status", "ok", "version", Version.current())));
    }

    void mount(Router router) {
        // Off the database's queue: reading the network runs the ip command.
        router.get("/api/v1/appliance").handler(ctx -> api.slow(this::status).onSuccess(status -> Api.json(ctx, 200, status))
            .onFailure(ctx::fail));
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("name", "HyperLab");
        status.put("version", Version.current());
        status.put("hostname", hostname);
        status.put("url", url.get());
        status.put("addresses", addresses());
        status.put("uptimeSeconds", firstNumber(Path.of("/proc/uptime")));
        status.put("daemonStartedAt", started.toString());
        status.put("daemonUptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
        status.put("load", load());
        status.put("cpus", Runtime.getRuntime().availableProcessors());
        MemInfo memory = MemInfo.local();
        status.put("memory", Map.of("totalBytes", memory.totalBytes(), "availableBytes", memory.availableBytes()));
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("enabled", certificate != null);
        if (certificate != null) {
            tls.put("fingerprintSha256", certificate.fingerprint());
            tls.put("notAfter", certificate.notAfter().toString());
        }
        status.put("tls", tls);
        status.put("queueLength", tasks.queueLength());
        status.put("onAppliance", helper != null);
        status.put("network", OsNetwork.read(helper == null ? null : helper.lastNetworkRequest()));
        return status;
    }

    /** An address of this machine and the interface that has it. */
    record Address(String nic, InetAddress address) {
    }

    /** This machine's addresses on every interface that is up, loopback and link-local aside. */
    static List<Address> localAddresses() {
        List<Address> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isUp() && !nic.isLoopback()) {
                    nic.inetAddresses().filter(a -> !a.isLinkLocalAddress()).forEach(a -> addresses.add(new Address(nic.getName(), a)));
                }
            }
        } catch (SocketException e) {
            return addresses;
        }
        return addresses;
    }

    private static List<Map<String, String>> addresses() {
        return localAddresses().stream().map(a -> Map.of(
            "interface", a.nic(),
            "family", a.address() instanceof Inet6Address ? "ipv6" : "ipv4",
            "address", OsNetwork.shortest(a.address().getHostAddress().replaceAll("%.*$", "")))).toList();
    }

    private static List<Double> load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Arrays.stream(parts).limit(3).map(Double::parseDouble).toList();
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
    }

    private static Double firstNumber(Path file) {
        try {
            return Double.parseDouble(Files.readString(file).trim().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
