package io.hyperlab.host.libvirt;

import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.IsoImage;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.StorageInfo;
import io.hyperlab.host.Steps;
import io.hyperlab.host.VmInfo;
import io.hyperlab.host.VmSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.libvirt.Domain;
import org.libvirt.NodeInfo;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * The libvirt driver: KVM/QEMU hosts (local or over qemu+ssh/qemu+tcp), Xen through libxl, and
 * libvirt's test driver. One {@link LibvirtSession} per host makes every call on its workers.
 */
public final class LibvirtDriver implements HostDriver {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(250);

    private final HostConnection connection;
    private final LibvirtSession session;
    private final CpuChoice cpu;
    private final LibvirtStorage storage;
    private final LibvirtNetworks networks;
    private final LibvirtVms vms;

    private LibvirtDriver(HostConnection connection, LibvirtSession session, CpuChoice cpu) {
        this.connection = connection;
        this.session = session;
        this.cpu = cpu;
        this.storage = new LibvirtStorage(connection.name());
        this.networks = new LibvirtNetworks(connection.name());
        this.vms = new LibvirtVms(connection.name());
    }

    static LibvirtDriver open(HostConnection connection, Duration callTimeout) {
        CpuChoice cpu = CpuChoice.of(connection.uri());
        return new LibvirtDriver(connection, LibvirtSession.open(connection, CpuChoice.forLibvirt(connection.uri()), callTimeout), cpu);
    }

    @Override
    public HostConnection connection() {
        return connection;
    }

    @Override
    public HostFacts facts() {
        return session.call("reading the host's facts", connect -> LibvirtFacts.read(connect, storage, networks));
    }

    @Override
    public List<VmInfo> listVms() {
        return session.call("listing VMs", connect -> {
            List<VmInfo> list = new ArrayList<>();
            for (Domain domain : connect.listAllDomains(0)) {
                list.add(vms.info(domain));
            }
            list.sort(Comparator.comparing(VmInfo::name));
            return list;
        });
    }

    @Override
    public VmInfo createVm(VmSpec spec) {
        OsProfile profile = OsProfile.of(spec.template());
        String disk = spec.name() + ".qcow2";
        String what = "checking VM '" + spec.name() + "'";
        DomainXml.Target[] target = new DomainXml.Target[1];
        String pool = spec.storage() == null ? "default" : spec.storage();
        session.call(what, connect -> {
            if (vms.exists(connect, spec.name())) {
                throw new ConflictException("a VM named '" + spec.name() + "' already exists on host " + connection.name()
                    + "; choose another name");
            }
            if (spec.homeHost() != null && !spec.homeHost().equals(connect.getHostName())) {
                throw new InvalidInputException("libvirt host " + connection.name() + " (" + connect.getHostName()
                    + ") is not in a pool of hosts: omit the home host");
            }
            NodeInfo node = connect.nodeInfo();
            if (spec.vcpus() > node.cpus) {
                throw new InvalidInputException("VM '" + spec.name() + "' asks for " + spec.vcpus() + " vCPUs but host "
                    + connection.name() + " has " + node.cpus + " CPUs; give at most " + node.cpus);
            }
            long hostMemory = node.memory * 1024;
            if (spec.memoryBytes() > hostMemory) {
                throw new InvalidInputException("VM '" + spec.name() + "' asks for " + io.hyperlab.ByteSize.format(spec.memoryBytes())
                    + " of memory but host " + connection.name() + " has " + io.hyperlab.ByteSize.format(hostMemory) + " in all");
            }
            target[0] = LibvirtFacts.target(XmlDoc.parse(connect.getCapabilities()));
            StoragePool diskPool = storage.activePool(connect, pool, "storage pool");
            if (List.of(diskPool.listVolumes()).contains(disk)) {
                throw new ConflictException("storage pool '" + pool + "' on host " + connection.name() + " already holds a disk '"
                    + disk + "'; delete it or choose another VM name");
            }
            if (spec.iso() != null) {
                storage.iso(connect, spec.iso().library(), spec.iso().iso());
            }
            if (spec.network() != null) {
                networks.network(connect, spec.network());
            }
            return null;
        });
        DomainXml.Volume iso = spec.iso() == null ? null : new DomainXml.Volume(spec.iso().library(), spec.iso().iso());
        String xml = DomainXml.build(spec, profile, target[0], cpu, new DomainXml.Volume(pool, disk), iso);
        Steps steps = new Steps("create VM '" + spec.name() + "' on host " + connection.name());
        steps.run("create disk " + disk + " in storage pool " + pool, () -> session.call("creating disk " + disk, connect ->
            storage.activePool(connect, pool, "storage pool").storageVolCreateXML(volumeXml(disk, spec.diskBytes()), 0)),
            made -> session.call("deleting disk " + disk, connect -> {
                connect.storagePoolLookupByName(pool).storageVolLookupByName(disk).delete(0);
                return null;
            }));
        Domain domain = steps.run("define VM", () -> session.call("defining VM " + spec.name(), connect -> connect.domainDefineXML(xml)),
            made -> session.call("removing VM " + spec.name(), connect -> {
                vms.undefine(connect.domainLookupByName(spec.name()));
                return null;
            }));
        steps.done();
        return session.call("reading VM " + spec.name(), connect -> vms.info(domain));
    }

    @Override
    public void startVm(String vm) {
        session.call("starting VM " + vm, connect -> {
            Domain domain = vms.domain(connect, vm);
            if (domain.isActive() != 1) {
                domain.create();
            }
            return null;
        });
    }

    @Override
    public void shutdownVm(String vm, Duration timeout) {
        boolean asked = session.call("shutting down VM " + vm, connect -> {
            Domain domain = vms.domain(connect, vm);
            if (domain.isActive() != 1) {
                return false;
            }
            domain.shutdown();
            return true;
        });
        if (!asked) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!session.call("checking VM " + vm, connect -> vms.domain(connect, vm).isActive() == 1)) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HyperLabException("waiting for VM " + vm + " to shut down was interrupted", e);
            }
        }
        throw new ConflictException("VM '" + vm + "' on host " + connection.name() + " is still running " + timeout.toSeconds()
            + " s after it was asked to shut down (its guest may ignore ACPI, or no OS is running yet);"
            + " force it off with: hyperlab vm stop --force --host " + connection.name() + " " + vm);
    }

    @Override
    public void forceOffVm(String vm) {
        session.call("forcing off VM " + vm, connect -> {
            Domain domain = vms.domain(connect, vm);
            if (domain.isActive() == 1) {
                domain.destroy();
            }
            return null;
        });
    }

    @Override
    public void deleteVm(String vm, boolean withDisks) {
        List<String> notDeleted = session.call("deleting VM " + vm, connect -> {
            Domain domain = vms.domain(connect, vm);
            if (domain.isActive() == 1) {
                throw new ConflictException("VM '" + vm + "' on host " + connection.name() + " is running; stop it first: hyperlab vm stop --host "
                    + connection.name() + " " + vm + " (add --force to turn it off at once)");
            }
            List<StorageVol> disks = withDisks ? vms.disks(connect, domain) : List.of();
            vms.undefine(domain);
            List<String> failed = new ArrayList<>();
            for (StorageVol disk : disks) {
                try {
                    disk.delete(0);
                } catch (org.libvirt.LibvirtException e) {
                    failed.add(disk.getName() + " (" + LibvirtErrors.reason(e) + ")");
                }
            }
            return failed;
        });
        if (!notDeleted.isEmpty()) {
            throw new HyperLabException("VM '" + vm + "' was deleted from host " + connection.name() + " but these disks were not: "
                + String.join(", ", notDeleted) + "; remove them by hand");
        }
    }

    @Override
    public List<StorageInfo> listIsoLibraries() {
        return session.call("listing storage pools", storage::list);
    }

    @Override
    public StorageInfo createIsoLibrary(IsoLibrarySpec spec) {
        return storage.create(session, spec);
    }

    @Override
    public void deleteIsoLibrary(String library) {
        storage.delete(session, library);
    }

    @Override
    public List<IsoImage> listIsos(String library) {
        return session.call("listing the ISOs of " + library, connect -> storage.isos(connect, library, false));
    }

    @Override
    public List<IsoImage> rescanIsoLibrary(String library) {
        return session.call("rescanning " + library, connect -> storage.isos(connect, library, true));
    }

    @Override
    public List<NetworkInfo> listNetworks() {
        return session.call("listing networks", networks::list);
    }

    @Override
    public NetworkInfo createNetwork(NetworkSpec spec) {
        return networks.create(session, spec);
    }

    @Override
    public void deleteNetwork(String network) {
        networks.delete(session, network);
    }

    @Override
    public void close() {
        session.close();
    }

    /** The session, for tests that look at the host through libvirt itself. */
    LibvirtSession session() {
        return session;
    }

    private static String volumeXml(String name, long bytes) {
        return Xml.element("volume").add(
            Xml.element("name", name),
            Xml.element("capacity", bytes).attr("unit", "bytes"),
            Xml.element("target").add(Xml.element("format").attr("type", "qcow2"))).toString();
    }
}
