package io.hyperlab.host.libvirt;

import io.hyperlab.ConflictException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.IsoImage;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.StorageInfo;
import io.hyperlab.host.Steps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Storage pools on a libvirt host: VM disks live in them, and any of them can be an ISO library
 * ({@code dir} on a local folder, {@code netfs} on an NFS export or SMB/CIFS share, mounted by
 * libvirt under {@value #MOUNT_ROOT}).
 */
final class LibvirtStorage {
    static final String MOUNT_ROOT = "/var/lib/libvirt/hyperlab";
    private static final String FS_NS = "http://libvirt.org/schemas/storagepool/fs/1.0";

    private final String host;

    LibvirtStorage(String host) {
        this.host = host;
    }

    List<StorageInfo> list(Connect connect) throws LibvirtException {
        List<StorageInfo> pools = new ArrayList<>();
        for (String name : poolNames(connect)) {
            pools.add(info(connect.storagePoolLookupByName(name)));
        }
        pools.sort(Comparator.comparing(StorageInfo::name));
        return pools;
    }

    StoragePool pool(Connect connect, String name, String role) throws LibvirtException {
        try {
            return connect.storagePoolLookupByName(name);
        } catch (LibvirtException e) {
            if (LibvirtErrors.code(e) == ErrorNumber.VIR_ERR_NO_STORAGE_POOL) {
                List<String> names = poolNames(connect);
                throw new NotFoundException("no " + role + " '" + name + "' on host " + host + "; it has: "
                    + (names.isEmpty() ? "no pools" : String.join(", ", names))
                    + " (see: hyperlab iso-library list --host " + host + ")");
            }
            throw e;
        }
    }

    /** An active pool, refreshed so that files added behind libvirt's back show. */
    StoragePool activePool(Connect connect, String name, String role) throws LibvirtException {
        StoragePool pool = pool(connect, name, role);
        if (pool.isActive() != 1) {
            throw new ConflictException(role + " '" + name + "' on host " + host + " is not active; start it with"
                + " virsh pool-start " + name);
        }
        return pool;
    }

    List<IsoImage> isos(Connect connect, String library, boolean rescan) throws LibvirtException {
        StoragePool pool = activePool(connect, library, "ISO library");
        if (rescan) {
            pool.refresh(0);
        }
        List<IsoImage> images = new ArrayList<>();
        for (String volume : pool.listVolumes()) {
            if (volume.toLowerCase(Locale.ROOT).endsWith(".iso")) {
                StorageVol vol = pool.storageVolLookupByName(volume);
                images.add(new IsoImage(library, volume, vol.getInfo().capacity, vol.getKey()));
            }
        }
        images.sort(Comparator.comparing(IsoImage::name));
        return images;
    }

    /** The ISO's volume, or a not-found naming the ISOs the library has. */
    StorageVol iso(Connect connect, String library, String iso) throws LibvirtException {
        List<IsoImage> images = isos(connect, library, true);
        if (images.stream().noneMatch(image -> image.name().equals(iso))) {
            throw new NotFoundException("no ISO '" + iso + "' in library '" + library + "' on host " + host + "; it has: "
                + (images.isEmpty() ? "no ISOs" : String.join(", ", images.stream().map(IsoImage::name).toList())));
        }
        return activePool(connect, library, "ISO library").storageVolLookupByName(iso);
    }

    StorageInfo create(LibvirtSession session, IsoLibrarySpec spec) {
        session.call("checking ISO library '" + spec.name() + "'", connect -> {
            if (poolNames(connect).contains(spec.name())) {
                throw new ConflictException("storage pool '" + spec.name() + "' already exists on host " + host
                    + "; choose another name");
            }
            return null;
        });
        Steps steps = new Steps("create ISO library '" + spec.name() + "' on host " + host);
        StoragePool pool = steps.run("define pool", () -> session.call("defining pool " + spec.name(),
            connect -> connect.storagePoolDefineXML(xml(spec), 0)),
            made -> session.call("removing pool " + spec.name(), connect -> {
                connect.storagePoolLookupByName(spec.name()).undefine();
                return null;
            }));
        steps.run("build pool", () -> session.call("building pool " + spec.name(), connect -> {
            pool.build(0);
            return null;
        }), made -> {
            if (spec.kind() != IsoLibraryKind.LOCAL) {
                // Removes the empty mount point it made; a local folder is the user's and stays.
                session.call("removing the mount point of " + spec.name(), connect -> {
                    pool.delete(0);
                    return null;
                });
            }
        });
        steps.run("start pool", () -> session.call("starting pool " + spec.name(), connect -> {
            pool.create(0);
            return null;
        }), made -> session.call("stopping pool " + spec.name(), connect -> {
            StoragePool again = connect.storagePoolLookupByName(spec.name());
            if (again.isActive() == 1) {
                again.destroy();
            }
            return null;
        }));
        steps.run("mark pool autostart", () -> session.call("marking pool " + spec.name() + " autostart", connect -> {
            pool.setAutostart(1);
            return null;
        }));
        steps.done();
        return session.call("reading pool " + spec.name(), connect -> info(connect.storagePoolLookupByName(spec.name())));
    }

    void delete(LibvirtSession session, String library) {
        session.call("removing ISO library " + library, connect -> {
            StoragePool pool = pool(connect, library, "ISO library");
            if (pool.isActive() == 1) {
                pool.destroy();
            }
            pool.undefine();
            return null;
        });
    }

    static String xml(IsoLibrarySpec spec) {
        IsoLibrarySpec.Share share = spec.share();
        if (spec.kind() == IsoLibraryKind.LOCAL) {
            return Xml.element("pool").attr("type", "dir").add(
                Xml.element("name", spec.name()),
                Xml.element("target").add(Xml.element("path", share.path()))).toString();
        }
        boolean cifs = spec.kind() == IsoLibraryKind.CIFS;
        Xml pool = Xml.element("pool").attr("type", "netfs").add(
            Xml.element("name", spec.name()),
            Xml.element("source").add(
                Xml.element("host").attr("name", share.server()),
                Xml.element("dir").attr("path", share.path()),
                Xml.element("format").attr("type", cifs ? "cifs" : "nfs")),
            Xml.element("target").add(Xml.element("path", MOUNT_ROOT + "/" + spec.name())));
        if (cifs) {
            // libvirt's <auth> covers iSCSI and RBD only: CIFS credentials go in as mount options.
            Xml options = Xml.element("fs:mount_opts").add(Xml.element("fs:option").attr("name", "ro"));
            if (spec.user() != null) {
                options.add(Xml.element("fs:option").attr("name", "username=" + spec.user()));
                options.add(Xml.element("fs:option").attr("name", "password="
                    + (spec.password() == null ? "" : new String(spec.password().reveal()))));
            } else {
                options.add(Xml.element("fs:option").attr("name", "guest"));
            }
            pool.attr("xmlns:fs", FS_NS).add(options);
        }
        return pool.toString();
    }

    private static StorageInfo info(StoragePool pool) throws LibvirtException {
        XmlDoc xml = XmlDoc.parse(pool.getXMLDesc(0));
        String type = xml.text("/pool/@type");
        String location = xml.text("/pool/target/path");
        if ("netfs".equals(type)) {
            String server = xml.text("/pool/source/host/@name");
            String dir = xml.text("/pool/source/dir/@path");
            location = "cifs".equals(xml.text("/pool/source/format/@type")) ? "//" + server + "/" + dir : server + ":" + dir;
        }
        boolean active = pool.isActive() == 1;
        var info = active ? pool.getInfo() : null;
        return new StorageInfo(pool.getName(), pool.getUUIDString(), type, location, active ? info.capacity : 0,
            active ? info.available : 0, active, "netfs".equals(type));
    }

    /** Every pool's name, active or not, sorted. */
    private static List<String> poolNames(Connect connect) throws LibvirtException {
        List<String> names = new ArrayList<>(List.of(connect.listStoragePools()));
        names.addAll(List.of(connect.listDefinedStoragePools()));
        names.sort(null);
        return names;
    }
}
