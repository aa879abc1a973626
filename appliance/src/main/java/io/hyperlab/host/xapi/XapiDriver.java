package io.hyperlab.host.xapi;

import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.IsoImage;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.StorageInfo;
import io.hyperlab.host.VmInfo;
import io.hyperlab.host.VmSpec;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A XenServer or XCP-ng host (or pool) driven over XAPI's JSON-RPC. Blocking, as
 * {@link HostDriver} asks: each method waits on the session's futures from the caller's thread.
 */
public final class XapiDriver implements HostDriver {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final HostConnection connection;
    private final Vertx vertx;
    private final XapiSession session;
    private final IsoLibraries isoLibraries;
    private final XapiNetworks networks;

    XapiDriver(HostConnection connection, Vertx vertx, XapiSession session) {
        this.connection = connection;
        this.vertx = vertx;
        this.session = session;
        this.isoLibraries = new IsoLibraries(connection.name(), session);
        this.networks = new XapiNetworks(connection.name(), session);
    }

    @Override
    public HostConnection connection() {
        return connection;
    }

    /** The session, for tests that look at what it talks to. */
    XapiSession session() {
        return session;
    }

    @Override
    public HostFacts facts() {
        return XapiFacts.read(session, networks.list());
    }

    @Override
    public List<VmInfo> listVms() {
        XapiInventory inventory = XapiInventory.load(session);
        return inventory.vms().entrySet().stream()
            .filter(entry -> XapiInventory.isGuest(entry.getValue()))
            .map(entry -> inventory.info(entry.getValue()))
            .sorted(Comparator.comparing(VmInfo::name).thenComparing(VmInfo::uuid))
            .toList();
    }

    @Override
    public VmInfo createVm(VmSpec spec) {
        String ref = new VmCreation(connection.name(), session, spec).run();
        XapiInventory inventory = XapiInventory.load(session);
        return inventory.info(inventory.vms().get(ref));
    }

    @Override
    public void startVm(String vm) {
        VmHandle handle = find(vm);
        switch (handle.record().powerState()) {
            case "Running" -> {
            }
            case "Halted" -> {
                try {
                    XapiCalls.await(session.run("VM.start", handle.ref(), false, false));
                } catch (XapiException e) {
                    throw startFailure(handle, e);
                }
            }
            default -> throw new ConflictException("VM '" + handle.name() + "' on host '" + connection.name() + "' is "
                + handle.record().powerState().toLowerCase(Locale.ROOT) + ": resume it before starting it");
        }
    }

    private RuntimeException startFailure(VmHandle handle, XapiException e) {
        if (e.code().equals("HOST_NOT_ENOUGH_FREE_MEMORY")) {
            return new ConflictException("VM '" + handle.name() + "' needs " + mib(e.param(0)) + " MiB of memory but host '"
                + connection.name() + "' has " + mib(e.param(1)) + " MiB free: stop another VM or give this one less memory");
        }
        if (e.code().equals("VM_IS_TEMPLATE")) {
            return new ConflictException("'" + handle.name() + "' is a template, not a VM: create a VM from it first");
        }
        return new HyperLabException("XenServer could not start VM '" + handle.name() + "': " + e.getMessage(), e);
    }

    @Override
    public void shutdownVm(String vm, Duration timeout) {
        VmHandle handle = find(vm);
        if (handle.record().powerState().equals("Halted")) {
            return;
        }
        if (!handle.record().powerState().equals("Running")) {
            throw new ConflictException("VM '" + handle.name() + "' on host '" + connection.name() + "' is "
                + handle.record().powerState().toLowerCase(Locale.ROOT) + ": only a running VM can shut down cleanly; force it off instead");
        }
        String task = XapiCalls.await(session.start("VM.clean_shutdown", handle.ref()));
        try {
            XapiCalls.await(session.awaitTask("VM.clean_shutdown", task), timeout);
        } catch (TimeoutException e) {
            XapiCalls.await(session.cancelTask(task));
            throw new HyperLabException("VM '" + handle.name() + "' on host '" + connection.name() + "' was still running "
                + timeout.toSeconds() + " s after it was asked to shut down (are its guest tools or ACPI working?): "
                + "force it off instead");
        }
    }

    @Override
    public void forceOffVm(String vm) {
        VmHandle handle = find(vm);
        if (handle.record().powerState().equals("Halted")) {
            return;
        }
        XapiCalls.await(session.run("VM.hard_shutdown", handle.ref()));
    }

    @Override
    public void deleteVm(String vm, boolean withDisks) {
        VmHandle handle = find(vm);
        if (!handle.record().powerState().equals("Halted")) {
            throw new ConflictException("VM '" + handle.name() + "' on host '" + connection.name() + "' is "
                + handle.record().powerState().toLowerCase(Locale.ROOT) + ": stop it before deleting it");
        }
        List<String> disks = XapiInventory.diskVdis(session, handle.ref());
        XapiCalls.await(session.call("VM.destroy", handle.ref()));
        if (!withDisks) {
            return;
        }
        List<String> leftBehind = new ArrayList<>();
        for (String vdi : disks) {
            try {
                XapiCalls.await(session.call("VDI.destroy", vdi));
            } catch (HyperLabException e) {
                leftBehind.add(vdi + " (" + e.getMessage() + ")");
            }
        }
        if (!leftBehind.isEmpty()) {
            throw new HyperLabException("VM '" + handle.name() + "' was deleted but these of its disks were not: "
                + String.join("; ", leftBehind));
        }
    }

    /** A VM named by its name or UUID, with its current record. */
    record VmHandle(String ref, XapiRecords.Vm record) {
        String name() {
            return record.nameLabel();
        }
    }

    /** The VM called {@code vm} (a name or a UUID): not a template, snapshot or the control domain. */
    VmHandle find(String vm) {
        Map<String, XapiRecords.Vm> vms = XapiCalls.await(XapiClass.VM.allRecords(session));
        List<Map.Entry<String, XapiRecords.Vm>> matches = vms.entrySet().stream()
            .filter(entry -> XapiInventory.isGuest(entry.getValue()))
            .filter(entry -> UUID.matcher(vm).matches() ? entry.getValue().uuid().equalsIgnoreCase(vm)
                : entry.getValue().nameLabel().equals(vm))
            .toList();
        if (matches.isEmpty()) {
            throw new NotFoundException("host '" + connection.name() + "' has no VM '" + vm + "'");
        }
        if (matches.size() > 1) {
            throw new ConflictException(matches.size() + " VMs on host '" + connection.name() + "' are named '" + vm
                + "': give the UUID of the one you mean (" + String.join(", ", matches.stream().map(e -> e.getValue().uuid()).toList()) + ")");
        }
        return new VmHandle(matches.get(0).getKey(), matches.get(0).getValue());
    }

    @Override
    public List<StorageInfo> listIsoLibraries() {
        return isoLibraries.list();
    }

    @Override
    public StorageInfo createIsoLibrary(IsoLibrarySpec spec) {
        return isoLibraries.create(spec);
    }

    @Override
    public void deleteIsoLibrary(String library) {
        isoLibraries.delete(library);
    }

    @Override
    public List<IsoImage> listIsos(String library) {
        return isoLibraries.isos(library, false);
    }

    @Override
    public List<IsoImage> rescanIsoLibrary(String library) {
        return isoLibraries.isos(library, true);
    }

    @Override
    public List<NetworkInfo> listNetworks() {
        return networks.list();
    }

    @Override
    public NetworkInfo createNetwork(NetworkSpec spec) {
        return networks.create(spec);
    }

    @Override
    public void deleteNetwork(String network) {
        networks.delete(network);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (RuntimeException ignored) {
            // The session times out on the host by itself; closing must not fail.
        } finally {
            vertx.close();
        }
    }

    private static long mib(String bytes) {
        try {
            return Long.parseLong(bytes) >> 20;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
