package io.hyperlab.host.xapi;

import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.host.IsoImage;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.StorageInfo;
import io.hyperlab.host.Steps;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ISO libraries are SRs of content type "iso" (sm's ISOSR): on an NFS export
 * ({@code type=nfs_iso}), an SMB/CIFS share ({@code type=cifs}, the password kept as a XAPI
 * secret, never in the SR's device config) or a folder of the host. Removing one unplugs and
 * forgets it; the share and its files stay.
 */
final class IsoLibraries {
    private final String hostName;
    private final XapiSession session;

    IsoLibraries(String hostName, XapiSession session) {
        this.hostName = hostName;
        this.session = session;
    }

    List<StorageInfo> list() {
        return XapiFacts.storage(session).stream().filter(StorageInfo::isoLibrary).toList();
    }

    StorageInfo create(IsoLibrarySpec spec) {
        Map<String, XapiRecords.Sr> srs = XapiCalls.await(XapiClass.SR.allRecords(session));
        if (srs.values().stream().anyMatch(sr -> sr.nameLabel().equals(spec.name()))) {
            throw new ConflictException("host '" + hostName + "' already has storage named '" + spec.name() + "': choose another name");
        }
        XapiRecords.Pool pool = XapiCalls.await(XapiClass.POOL.allRecords(session)).values().iterator().next();
        Steps steps = new Steps("create ISO library '" + spec.name() + "' on host '" + hostName + "'");
        Map<String, String> deviceConfig = new LinkedHashMap<>();
        deviceConfig.put("location", spec.location());
        switch (spec.kind()) {
            case NFS -> deviceConfig.put("type", "nfs_iso");
            case CIFS -> deviceConfig.put("type", "cifs");
            case LOCAL -> deviceConfig.put("legacy_mode", "true");
        }
        if (spec.user() != null) {
            deviceConfig.put("username", spec.user());
        }
        if (spec.password() != null) {
            String secret = steps.run("store the share password as a XAPI secret", () -> {
                char[] password = spec.password().reveal();
                try {
                    return XapiCalls.await(session.call(String.class, "secret.create", Map.of("value", password, "other_config", Map.of())));
                } finally {
                    Arrays.fill(password, '\0');
                }
            }, ref -> XapiCalls.await(session.call("secret.destroy", ref)));
            deviceConfig.put("cifspassword_secret", XapiCalls.await(session.call(String.class, "secret.get_uuid", secret)));
        }
        String sr = steps.run("mount " + spec.location(), () -> mount(pool.master(), spec, deviceConfig),
            this::forget);
        steps.done();
        XapiRecords.Sr record = XapiCalls.await(XapiClass.SR.record(session, sr));
        return XapiFacts.storageInfo(record, pbds(record));
    }

    private String mount(String host, IsoLibrarySpec spec, Map<String, String> deviceConfig) {
        try {
            return XapiCalls.await(session.run("SR.create", host, deviceConfig, 0L, spec.name(),
                "ISO library added by HyperLab", "iso", "iso", true, Map.of()));
        } catch (XapiException e) {
            if (e.code().startsWith("SR_BACKEND_FAILURE")) {
                throw new HyperLabException("XenServer could not mount " + spec.location() + ": " + e.param(1)
                    + (e.param(2).isEmpty() ? "" : " (" + e.param(2) + ")") + "; check the address, the share and its permissions", e);
            }
            throw e;
        }
    }

    void delete(String library) {
        String ref = find(library);
        XapiRecords.Sr sr = XapiCalls.await(XapiClass.SR.record(session, ref));
        if (sr.toolsSr() || !sr.type().equals("iso")) {
            throw new InvalidInputException("'" + library + "' on host '" + hostName + "' is the host's own "
                + (sr.toolsSr() ? "guest tools" : sr.type()) + " library, not one added from a share: it cannot be removed");
        }
        for (String vdi : sr.vdis()) {
            XapiRecords.Vdi image = XapiCalls.await(XapiClass.VDI.record(session, vdi));
            if (!image.vbds().isEmpty()) {
                throw new ConflictException("ISO '" + image.nameLabel() + "' of library '" + library + "' is in a VM's CD drive: "
                    + "eject it (or delete the VM) before removing the library");
            }
        }
        forget(ref);
    }

    /** Unplugs the SR from its hosts, forgets it, and drops the share password's secret. */
    private Void forget(String sr) {
        XapiRecords.Sr record = XapiCalls.await(XapiClass.SR.record(session, sr));
        List<XapiRecords.Pbd> pbds = pbds(record);
        for (String pbd : record.pbds()) {
            XapiCalls.await(session.call("PBD.unplug", pbd));
        }
        XapiCalls.await(session.call("SR.forget", sr));
        for (XapiRecords.Pbd pbd : pbds) {
            String secret = pbd.deviceConfig().get("cifspassword_secret");
            if (secret != null) {
                String secretRef = XapiCalls.await(session.call(String.class, "secret.get_by_uuid", secret));
                XapiCalls.await(session.call("secret.destroy", secretRef));
            }
        }
        return null;
    }

    List<IsoImage> isos(String library, boolean rescan) {
        String ref = find(library);
        if (rescan) {
            XapiCalls.await(session.run("SR.scan", ref));
        }
        XapiRecords.Sr sr = XapiCalls.await(XapiClass.SR.record(session, ref));
        List<Future<XapiRecords.Vdi>> vdis = sr.vdis().stream().map(vdi -> XapiClass.VDI.record(session, vdi)).toList();
        XapiCalls.await(Future.all(vdis));
        List<IsoImage> images = new ArrayList<>();
        for (int i = 0; i < vdis.size(); i++) {
            XapiRecords.Vdi vdi = vdis.get(i).result();
            images.add(new IsoImage(library, vdi.nameLabel(), vdi.virtualSize(), vdi.uuid()));
        }
        images.sort(Comparator.comparing(IsoImage::name));
        return images;
    }

    private String find(String library) {
        Map<String, XapiRecords.Sr> srs = XapiCalls.await(XapiClass.SR.allRecords(session));
        return XapiLookup.one(hostName, "ISO library", library,
            XapiLookup.matching(srs, sr -> "iso".equals(sr.contentType()) && sr.nameLabel().equals(library)));
    }

    private List<XapiRecords.Pbd> pbds(XapiRecords.Sr sr) {
        List<Future<XapiRecords.Pbd>> pbds = sr.pbds().stream().map(pbd -> XapiClass.PBD.record(session, pbd)).toList();
        XapiCalls.await(Future.all(pbds));
        return pbds.stream().map(Future::result).toList();
    }
}
