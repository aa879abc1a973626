package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disks and storage as XAPI and its ISO storage manager (sm's ISOSR) behave: VBDs with their
 * device and CD rules, VDIs that cannot go while a VBD uses them, ISO SRs over CIFS or NFS
 * that mount a share (or fail with the SR_BACKEND_FAILURE codes sm uses) and list its ISOs.
 */
final class StorageCalls {
    static final long ISO_SIZE = 700L << 20;
    private static final Set<String> ISO_LOCATIONS = Set.of("cifs", "nfs_iso", "local");

    private StorageCalls() {
    }

    static void register(Map<String, Dispatcher.Handler> handlers) {
        handlers.put("VBD.create", StorageCalls::createVbd);
        handlers.put("VBD.insert", StorageCalls::insert);
        handlers.put("VDI.destroy", StorageCalls::destroyVdi);
        handlers.put("SR.create", StorageCalls::createSr);
        handlers.put("SR.scan", call -> {
            scan(call.state(), call.text(1));
            return Call.VOID;
        });
        handlers.put("PBD.unplug", call -> {
            call.object(1).put("currently_attached", false);
            return Call.VOID;
        });
        handlers.put("SR.forget", StorageCalls::forget);
    }

    private static JsonNode createVbd(Call call) {
        ObjectStore store = call.store();
        ObjectNode record = (ObjectNode) call.param(1);
        ImplicitCalls.requireConstructorFields(store.model().classDef("VBD"), record);
        String vm = record.get("VM").asText();
        if (!store.exists("VM", vm)) {
            throw XapiFault.handleInvalid("VM", vm);
        }
        boolean cd = record.get("type").asText().equals("CD");
        boolean empty = record.get("empty").asBoolean();
        String vdi = record.get("VDI").asText();
        if (empty && !cd) {
            throw new XapiFault("VBD_NOT_REMOVABLE_MEDIA", DataModel.NULL_REF);
        }
        if (!empty && !store.exists("VDI", vdi)) {
            throw XapiFault.handleInvalid("VDI", vdi);
        }
        String userdevice = record.get("userdevice").asText();
        boolean taken = store.all("VBD").values().stream()
            .anyMatch(vbd -> vbd.path("VM").asText().equals(vm) && vbd.path("userdevice").asText().equals(userdevice));
        if (taken) {
            throw new XapiFault("DEVICE_ALREADY_EXISTS", userdevice);
        }
        return XapiType.NODES.textNode(store.create("VBD", Dispatcher.toMap(record)));
    }

    private static JsonNode insert(Call call) {
        ObjectNode vbd = call.object(1);
        if (!vbd.path("type").asText().equals("CD")) {
            throw new XapiFault("VBD_NOT_REMOVABLE_MEDIA", call.text(1));
        }
        if (!vbd.path("empty").asBoolean()) {
            throw new XapiFault("VBD_NOT_EMPTY", call.text(1));
        }
        vbd.put("VDI", call.text(2));
        vbd.put("empty", false);
        return Call.VOID;
    }

    private static JsonNode destroyVdi(Call call) {
        ObjectStore store = call.store();
        String ref = call.text(1);
        if (!store.refs("VBD", vbd -> vbd.path("VDI").asText().equals(ref)).isEmpty()) {
            throw new XapiFault("VDI_IN_USE", ref, "destroy");
        }
        ObjectNode vdi = call.object(1);
        ObjectNode sr = store.get("SR", vdi.path("SR").asText());
        sr.put("physical_utilisation", Math.max(0, sr.path("physical_utilisation").asLong() - vdi.path("virtual_size").asLong()));
        sr.put("virtual_allocation", Math.max(0, sr.path("virtual_allocation").asLong() - vdi.path("virtual_size").asLong()));
        store.destroy("VDI", ref);
        return Call.VOID;
    }

    /** SR.create(host, device_config, physical_size, name_label, name_description, type, content_type, shared, sm_config). */
    private static JsonNode createSr(Call call) {
        ObjectStore store = call.store();
        String type = call.text(6);
        if (!type.equals("iso")) {
            throw new XapiFault(Set.of("lvm", "ext", "nfs", "lvmoiscsi", "udev", "file").contains(type) ? "NOT_IMPLEMENTED" : "SR_UNKNOWN_DRIVER", type);
        }
        ObjectNode deviceConfig = ((ObjectNode) call.param(2)).deepCopy();
        String location = deviceConfig.path("location").asText("");
        if (location.isEmpty()) {
            throw backendFailure(220, "'Location' parameter must be specified in Device Configuration", "");
        }
        String kind = deviceConfig.path("type").asText(location.startsWith("/") ? "local" : "");
        if (!ISO_LOCATIONS.contains(kind)) {
            throw badLocation(location);
        }
        mountCheck(call.state(), kind, location, deviceConfig);
        if (deviceConfig.has("cifspassword")) {
            String secret = store.create("secret", Map.of("value", deviceConfig.get("cifspassword")));
            deviceConfig.remove("cifspassword");
            deviceConfig.put("cifspassword_secret", store.get("secret", secret).path("uuid").asText());
        }
        Map<String, JsonNode> fields = new HashMap<>();
        fields.put("name_label", call.param(4));
        fields.put("name_description", call.param(5));
        fields.put("type", call.param(6));
        fields.put("content_type", call.param(7));
        fields.put("shared", call.param(8));
        fields.put("sm_config", call.param(9));
        String sr = store.create("SR", fields);
        store.create("PBD", Map.of("host", call.param(1), "SR", XapiType.NODES.textNode(sr), "device_config", deviceConfig,
            "currently_attached", XapiType.NODES.booleanNode(true)));
        scan(call.state(), sr);
        return XapiType.NODES.textNode(sr);
    }

    private static void mountCheck(ServerState state, String kind, String location, ObjectNode deviceConfig) {
        boolean wellFormed = switch (kind) {
            case "cifs" -> location.matches("//[^/]+/.+");
            case "nfs_iso" -> location.matches("[^:/]+:/.*");
            default -> location.startsWith("/");
        };
        if (!wellFormed) {
            throw badLocation(location);
        }
        if (kind.equals("cifs") && deviceConfig.has("vers") && !Set.of("1.0", "3.0").contains(deviceConfig.path("vers").asText())) {
            throw backendFailure(227, "Given SMB version is not allowed. Choose either 1.0 or 3.0", deviceConfig.path("vers").asText());
        }
        ServerState.Share share = state.share(location);
        if (share == null || !share.type().equals(kind)) {
            if (kind.equals("local")) {
                throw backendFailure(226, "Invalid local path", location);
            }
            throw backendFailure(222, "Could not mount the directory specified in Device Configuration",
                "mount error(2): No such file or directory");
        }
        String password = deviceConfig.path("cifspassword").asText("");
        if (deviceConfig.has("cifspassword_secret")) {
            List<String> secrets = state.store().refs("secret",
                secret -> secret.path("uuid").asText().equals(deviceConfig.path("cifspassword_secret").asText()));
            if (secrets.isEmpty()) {
                throw backendFailure(20, "No such secret.", deviceConfig.path("cifspassword_secret").asText());
            }
            password = state.store().get("secret", secrets.get(0)).path("value").asText();
        }
        boolean credentialsOk = share.username() == null
            || (share.username().equals(deviceConfig.path("username").asText()) && share.password().equals(password));
        if (!credentialsOk) {
            throw backendFailure(222, "Could not mount the directory specified in Device Configuration",
                "mount error(13): Permission denied");
        }
    }

    /** Makes the SR's ISO VDIs match the files of its share: new files appear, removed ones go. */
    static void scan(ServerState state, String srRef) {
        ObjectStore store = state.store();
        ObjectNode sr = store.get("SR", srRef);
        if (!sr.path("content_type").asText().equals("iso")) {
            return;
        }
        String pbd = store.refs("PBD", p -> p.path("SR").asText().equals(srRef)).stream().findFirst().orElseThrow();
        ServerState.Share share = state.share(store.get("PBD", pbd).path("device_config").path("location").asText());
        List<String> files = share == null ? List.of() : share.files().stream().filter(name -> name.endsWith(".iso")).toList();
        for (String vdi : store.refs("VDI", v -> v.path("SR").asText().equals(srRef) && !files.contains(v.path("location").asText()))) {
            if (store.refs("VBD", vbd -> vbd.path("VDI").asText().equals(vdi)).isEmpty()) {
                store.destroy("VDI", vdi);
            }
        }
        List<String> known = store.all("VDI").values().stream()
            .filter(v -> v.path("SR").asText().equals(srRef)).map(v -> v.path("location").asText()).toList();
        for (String file : files) {
            if (!known.contains(file)) {
                store.create("VDI", Map.of("name_label", XapiType.NODES.textNode(file), "location", XapiType.NODES.textNode(file),
                    "SR", XapiType.NODES.textNode(srRef), "virtual_size", XapiType.NODES.numberNode(ISO_SIZE),
                    "physical_utilisation", XapiType.NODES.numberNode(ISO_SIZE), "type", XapiType.NODES.textNode("user"),
                    "read_only", XapiType.NODES.booleanNode(true), "managed", XapiType.NODES.booleanNode(true)));
            }
        }
        sr.put("physical_size", files.size() * ISO_SIZE);
        sr.put("physical_utilisation", files.size() * ISO_SIZE);
    }

    private static JsonNode forget(Call call) {
        ObjectStore store = call.store();
        String ref = call.text(1);
        List<String> pbds = store.refs("PBD", pbd -> pbd.path("SR").asText().equals(ref));
        if (pbds.stream().anyMatch(pbd -> store.get("PBD", pbd).path("currently_attached").asBoolean())) {
            throw new XapiFault("SR_HAS_PBD", ref);
        }
        pbds.forEach(pbd -> store.destroy("PBD", pbd));
        store.refs("VDI", vdi -> vdi.path("SR").asText().equals(ref)).forEach(vdi -> store.destroy("VDI", vdi));
        store.destroy("SR", ref);
        return Call.VOID;
    }

    static void requireSpace(ObjectStore store, String srRef, long size) {
        ObjectNode sr = store.get("SR", srRef);
        long capacity = sr.path("physical_size").asLong();
        if (sr.path("physical_utilisation").asLong() + size > capacity) {
            throw new XapiFault("SR_FULL", Long.toString(size), Long.toString(capacity));
        }
    }

    static void allocate(ObjectStore store, String srRef, long size) {
        ObjectNode sr = store.get("SR", srRef);
        sr.put("physical_utilisation", sr.path("physical_utilisation").asLong() + size);
        sr.put("virtual_allocation", sr.path("virtual_allocation").asLong() + size);
    }

    private static XapiFault badLocation(String location) {
        return backendFailure(225, "Incorrect Location string format. String must be in the format SERVER:PATH "
            + "for NFS targets, or \\\\SERVER\\PATH for CIFS targets", location);
    }

    private static XapiFault backendFailure(int code, String text, String detail) {
        return new XapiFault("SR_BACKEND_FAILURE_" + code, "", text, detail);
    }
}
