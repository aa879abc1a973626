package io.hyperlab.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A driver whose every change to the host (VMs, ISO libraries, networks) goes into the action log; reads pass through. */
public final class LoggedHostDriver implements HostDriver {
    private final HostDriver driver;
    private final ActionLog log;
    private final String host;

    public LoggedHostDriver(HostDriver driver, ActionLog log) {
        this.driver = driver;
        this.log = log;
        this.host = driver.connection().name();
    }

    @Override
    public HostConnection connection() {
        return driver.connection();
    }

    @Override
    public HostFacts facts() {
        return driver.facts();
    }

    @Override
    public List<VmInfo> listVms() {
        return driver.listVms();
    }

    @Override
    public VmInfo createVm(VmSpec spec) {
        return log.record(host, "vm create", spec, () -> driver.createVm(spec));
    }

    @Override
    public void startVm(String vm) {
        log.record(host, "vm start", Map.of("vm", vm), () -> driver.startVm(vm));
    }

    @Override
    public void shutdownVm(String vm, Duration timeout) {
        log.record(host, "vm stop", Map.of("vm", vm, "timeout_seconds", timeout.toSeconds()), () -> driver.shutdownVm(vm, timeout));
    }

    @Override
    public void forceOffVm(String vm) {
        log.record(host, "vm force-off", Map.of("vm", vm), () -> driver.forceOffVm(vm));
    }

    @Override
    public void deleteVm(String vm, boolean withDisks) {
        log.record(host, "vm delete", Map.of("vm", vm, "with_disks", withDisks), () -> driver.deleteVm(vm, withDisks));
    }

    @Override
    public List<StorageInfo> listIsoLibraries() {
        return driver.listIsoLibraries();
    }

    @Override
    public StorageInfo createIsoLibrary(IsoLibrarySpec spec) {
        return log.record(host, "iso-library add", spec, () -> driver.createIsoLibrary(spec));
    }

    @Override
    public void deleteIsoLibrary(String library) {
        log.record(host, "iso-library remove", Map.of("library", library), () -> driver.deleteIsoLibrary(library));
    }

    @Override
    public List<IsoImage> listIsos(String library) {
        return driver.listIsos(library);
    }

    @Override
    public List<IsoImage> rescanIsoLibrary(String library) {
        return log.record(host, "iso-library rescan", Map.of("library", library), () -> driver.rescanIsoLibrary(library));
    }

    @Override
    public List<NetworkInfo> listNetworks() {
        return driver.listNetworks();
    }

    @Override
    public NetworkInfo createNetwork(NetworkSpec spec) {
        return log.record(host, "network create", spec, () -> driver.createNetwork(spec));
    }

    @Override
    public void deleteNetwork(String network) {
        log.record(host, "network delete", Map.of("network", network), () -> driver.deleteNetwork(network));
    }

    @Override
    public void close() {
        driver.close();
    }
}
