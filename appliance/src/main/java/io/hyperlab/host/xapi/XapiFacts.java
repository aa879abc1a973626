package io.hyperlab.host.xapi;

import io.hyperlab.host.CpuInfo;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NicInfo;
import io.hyperlab.host.StorageInfo;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A pool's facts as its coordinator reports them: {@code host.get_all_records} (cpu_info,
 * software_version, capabilities), host_metrics for total memory, {@code host.compute_free_memory}
 * (host_metrics' memory_free is removed from the API), SRs with their PBDs, physical PIFs with
 * their link metrics.
 */
final class XapiFacts {
    private XapiFacts() {
    }

    static HostFacts read(XapiSession session, List<NetworkInfo> networks) {
        Future<Map<String, XapiRecords.Pool>> pools = XapiClass.POOL.allRecords(session);
        Future<Map<String, XapiRecords.Host>> hosts = XapiClass.HOST.allRecords(session);
        Future<Map<String, XapiRecords.HostMetrics>> hostMetrics = XapiClass.HOST_METRICS.allRecords(session);
        Future<Map<String, XapiRecords.Pif>> pifs = XapiClass.PIF.allRecords(session);
        Future<Map<String, XapiRecords.PifMetrics>> pifMetrics = XapiClass.PIF_METRICS.allRecords(session);
        XapiCalls.await(Future.all(List.of(pools, hosts, hostMetrics, pifs, pifMetrics)));
        String masterRef = pools.result().values().iterator().next().master();
        XapiRecords.Host master = hosts.result().get(masterRef);
        long free = XapiCalls.await(session.call(Long.class, "host.compute_free_memory", masterRef));
        XapiRecords.HostMetrics metrics = hostMetrics.result().get(master.metrics());
        List<NicInfo> nics = pifs.result().values().stream()
            .filter(pif -> pif.physical() && pif.host().equals(masterRef))
            .sorted(Comparator.comparing(XapiRecords.Pif::device))
            .map(pif -> nic(pif, pifMetrics.result().get(pif.metrics())))
            .toList();
        List<String> poolHosts = hosts.result().values().stream().map(XapiRecords.Host::nameLabel).sorted().toList();
        Map<String, String> version = master.softwareVersion();
        return new HostFacts(master.nameLabel(), version.getOrDefault("product_brand", "XenServer"),
            version.getOrDefault("product_version", version.getOrDefault("platform_version", "")), cpu(master),
            metrics == null ? 0 : metrics.memoryTotal(), free, storage(session), nics, networks, poolHosts);
    }

    /**
     * Xen hides VT-x/AMD-V from dom0's CPU flags, so the host's Xen capabilities tell instead:
     * "hvm-3.0-x86_64" is there exactly when hardware virtualization is on.
     */
    static CpuInfo cpu(XapiRecords.Host host) {
        Map<String, String> info = host.cpuInfo();
        int logical = Math.max(1, parse(info.get("cpu_count"), 1));
        int sockets = Math.max(1, parse(info.get("socket_count"), 1));
        int threads = Math.max(1, parse(info.get("threads_per_core"), 1));
        int cores = Math.max(1, logical / sockets / threads);
        List<String> capabilities = host.capabilities() == null ? List.of() : host.capabilities();
        boolean hvm = capabilities.stream().anyMatch(cap -> cap.startsWith("hvm-"));
        String vendor = info.getOrDefault("vendor", "");
        List<String> extensions = !hvm ? List.of()
            : vendor.equals("GenuineIntel") ? List.of("vmx") : vendor.equals("AuthenticAMD") ? List.of("svm") : List.of();
        String architecture = capabilities.stream().anyMatch(cap -> cap.endsWith("x86_64")) ? "x86_64" : null;
        Integer mhz = info.containsKey("speed") ? (int) Math.round(Double.parseDouble(info.get("speed"))) : null;
        return new CpuInfo(info.getOrDefault("modelname", "unknown"), architecture, sockets, cores, threads, logical, mhz,
            extensions, capabilities.isEmpty() ? null : hvm);
    }

    /** Every SR: capacity and free space, where it is (its PBD's device config), plugged or not. */
    static List<StorageInfo> storage(XapiSession session) {
        Future<Map<String, XapiRecords.Sr>> srs = XapiClass.SR.allRecords(session);
        Future<Map<String, XapiRecords.Pbd>> pbds = XapiClass.PBD.allRecords(session);
        XapiCalls.await(Future.all(srs, pbds));
        List<StorageInfo> storage = new ArrayList<>();
        srs.result().forEach((ref, sr) -> storage.add(storageInfo(sr, sr.pbds().stream().map(pbds.result()::get).toList())));
        storage.sort(Comparator.comparing(StorageInfo::name));
        return storage;
    }

    static StorageInfo storageInfo(XapiRecords.Sr sr, List<XapiRecords.Pbd> pbds) {
        String location = pbds.stream().map(XapiRecords.Pbd::deviceConfig)
            .map(config -> config.getOrDefault("location", config.getOrDefault("device", config.getOrDefault("server", ""))))
            .filter(text -> !text.isEmpty()).findFirst().orElse(null);
        boolean plugged = pbds.stream().anyMatch(XapiRecords.Pbd::currentlyAttached);
        return new StorageInfo(sr.nameLabel(), sr.uuid(), sr.type(), location, sr.physicalSize(),
            Math.max(0, sr.physicalSize() - sr.physicalUtilisation()), plugged, "iso".equals(sr.contentType()));
    }

    private static NicInfo nic(XapiRecords.Pif pif, XapiRecords.PifMetrics metrics) {
        Integer speed = metrics == null || metrics.speed() <= 0 ? null : (int) metrics.speed();
        return new NicInfo(pif.device(), pif.mac(), speed, metrics == null ? null : metrics.carrier());
    }

    private static int parse(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
