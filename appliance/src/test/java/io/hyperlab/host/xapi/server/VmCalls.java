package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The VM life cycle as XAPI runs it: clone a template (the clone is still a template),
 * provision its disks from {@code other_config["disks"]}, vCPU and memory rules, start with the
 * host's free memory checked, shut down, destroy (VBDs and VIFs go, VDIs stay).
 */
final class VmCalls {
    /** Memory the control domain and Xen keep, beyond what the host's VMs use. */
    static final long XEN_OVERHEAD = 256L << 20;

    private VmCalls() {
    }

    static void register(Map<String, Dispatcher.Handler> handlers) {
        handlers.put("VM.clone", VmCalls::cloneVm);
        handlers.put("VM.provision", VmCalls::provision);
        handlers.put("VM.set_VCPUs_max", call -> setVcpus(call, "VCPUs_max"));
        handlers.put("VM.set_VCPUs_at_startup", call -> setVcpus(call, "VCPUs_at_startup"));
        handlers.put("VM.set_memory_limits", VmCalls::setMemoryLimits);
        handlers.put("VM.start", VmCalls::start);
        handlers.put("VM.clean_shutdown", call -> shutdown(call, "clean_shutdown"));
        handlers.put("VM.hard_shutdown", call -> shutdown(call, "hard_shutdown"));
        handlers.put("VM.destroy", VmCalls::destroy);
        handlers.put("host.compute_free_memory", call -> XapiType.NODES.numberNode(freeMemory(call.store(), call.text(1))));
    }

    private static JsonNode cloneVm(Call call) {
        ObjectStore store = call.store();
        ObjectNode source = call.object(1);
        requirePowerState(call.text(1), source, "Halted");
        Map<String, JsonNode> fields = Dispatcher.toMap(source.deepCopy());
        fields.remove("uuid");
        fields.put("name_label", XapiType.NODES.textNode(call.text(2)));
        fields.put("is_default_template", XapiType.NODES.booleanNode(false));
        fields.put("metrics", XapiType.NODES.textNode(store.create("VM_metrics", Map.of())));
        fields.put("guest_metrics", XapiType.NODES.textNode(DataModel.NULL_REF));
        String clone = store.create("VM", fields);
        for (String vbd : store.refs("VBD", vbd -> vbd.path("VM").asText().equals(call.text(1)))) {
            Map<String, JsonNode> copy = Dispatcher.toMap(store.get("VBD", vbd).deepCopy());
            copy.remove("uuid");
            copy.put("VM", XapiType.NODES.textNode(clone));
            String vdi = copy.get("VDI").asText();
            if (!vdi.equals(DataModel.NULL_REF) && !copy.get("type").asText().equals("CD")) {
                Map<String, JsonNode> disk = Dispatcher.toMap(store.get("VDI", vdi).deepCopy());
                disk.remove("uuid");
                copy.put("VDI", XapiType.NODES.textNode(store.create("VDI", disk)));
            }
            store.create("VBD", copy);
        }
        return XapiType.NODES.textNode(clone);
    }

    /** Makes the disks the template's provision spec asks for, on the SRs it names by UUID; then the VM is no template. */
    private static JsonNode provision(Call call) {
        ObjectStore store = call.store();
        String vm = call.text(1);
        ObjectNode record = call.object(1);
        record.put("is_a_template", false);
        ObjectNode otherConfig = (ObjectNode) record.get("other_config");
        List<ProvisionSpec.Disk> disks = ProvisionSpec.parse(otherConfig.path("disks").asText(""));
        Map<ProvisionSpec.Disk, String> srs = new LinkedHashMap<>();
        Map<String, Long> wanted = new HashMap<>();
        for (ProvisionSpec.Disk disk : disks) {
            String sr = store.refs("SR", candidate -> candidate.path("uuid").asText().equals(disk.sr())).stream().findFirst()
                .orElseThrow(() -> new XapiFault("UUID_INVALID", "sr", disk.sr()));
            srs.put(disk, sr);
            wanted.merge(sr, disk.size(), Long::sum);
        }
        wanted.forEach((sr, size) -> StorageCalls.requireSpace(store, sr, size));
        srs.forEach((disk, sr) -> {
            StorageCalls.allocate(store, sr, disk.size());
            Map<String, JsonNode> vdi = new HashMap<>();
            vdi.put("name_label", XapiType.NODES.textNode(disk.device()));
            vdi.put("name_description", XapiType.NODES.textNode("Created by template provisioner"));
            vdi.put("SR", XapiType.NODES.textNode(sr));
            vdi.put("virtual_size", XapiType.NODES.numberNode(disk.size()));
            vdi.put("physical_utilisation", XapiType.NODES.numberNode(disk.size()));
            vdi.put("type", XapiType.NODES.textNode(disk.type()));
            String vdiRef = store.create("VDI", vdi);
            store.create("VBD", Map.of(
                "VM", XapiType.NODES.textNode(vm), "VDI", XapiType.NODES.textNode(vdiRef),
                "userdevice", XapiType.NODES.textNode(disk.device()), "bootable", XapiType.NODES.booleanNode(disk.bootable()),
                "mode", XapiType.NODES.textNode("RW"), "type", XapiType.NODES.textNode("Disk"),
                "unpluggable", XapiType.NODES.booleanNode(!disk.type().equals("system")),
                "other_config", XapiType.NODES.objectNode().put("owner", "")));
        });
        otherConfig.remove("disks");
        return Call.VOID;
    }

    private static JsonNode setVcpus(Call call, String field) {
        ObjectNode vm = call.object(1);
        requirePowerState(call.text(1), vm, "Halted");
        long max = field.equals("VCPUs_max") ? call.number(2) : vm.path("VCPUs_max").asLong();
        long atStartup = field.equals("VCPUs_at_startup") ? call.number(2) : vm.path("VCPUs_at_startup").asLong();
        if (atStartup < 1 || atStartup > max) {
            throw new XapiFault("INVALID_VALUE", field, Long.toString(call.number(2)),
                "VCPU values must satisfy: 0 < VCPUs_at_startup <= VCPUs_max");
        }
        vm.put(field, call.number(2));
        return Call.VOID;
    }

    private static JsonNode setMemoryLimits(Call call) {
        ObjectNode vm = call.object(1);
        requirePowerState(call.text(1), vm, "Halted");
        long staticMin = call.number(2);
        long staticMax = call.number(3);
        long dynamicMin = call.number(4);
        long dynamicMax = call.number(5);
        if (!(0 <= staticMin && staticMin <= dynamicMin && dynamicMin <= dynamicMax && dynamicMax <= staticMax)) {
            throw new XapiFault("MEMORY_CONSTRAINT_VIOLATION",
                "Memory limits must satisfy: static_min <= dynamic_min <= dynamic_max <= static_max");
        }
        vm.put("memory_static_min", staticMin);
        vm.put("memory_static_max", staticMax);
        vm.put("memory_dynamic_min", dynamicMin);
        vm.put("memory_dynamic_max", dynamicMax);
        return Call.VOID;
    }

    private static JsonNode start(Call call) {
        ObjectStore store = call.store();
        String ref = call.text(1);
        ObjectNode vm = call.object(1);
        if (vm.path("is_a_template").asBoolean()) {
            throw new XapiFault("VM_IS_TEMPLATE", ref, "start");
        }
        requirePowerState(ref, vm, "Halted");
        String host = vm.path("affinity").asText();
        if (!store.exists("host", host)) {
            host = call.state().hostRef();
        }
        long needed = vm.path("memory_static_max").asLong();
        long free = freeMemory(store, host);
        if (needed > free) {
            throw new XapiFault("HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(needed), Long.toString(free));
        }
        vm.put("power_state", "Running");
        vm.put("resident_on", host);
        vm.put("domid", 1 + store.refs("VM", other -> other.path("power_state").asText().equals("Running")).size());
        ObjectNode metrics = store.get("VM_metrics", vm.path("metrics").asText());
        metrics.put("VCPUs_number", vm.path("VCPUs_at_startup").asLong());
        metrics.put("memory_actual", vm.path("memory_dynamic_max").asLong());
        metrics.put("current_domain_type", vm.path("domain_type").asText());
        return Call.VOID;
    }

    private static JsonNode shutdown(Call call, String how) {
        ObjectNode vm = call.object(1);
        if (vm.path("is_a_template").asBoolean()) {
            throw new XapiFault("VM_IS_TEMPLATE", call.text(1), how);
        }
        requirePowerState(call.text(1), vm, "Running");
        vm.put("power_state", "Halted");
        vm.put("resident_on", DataModel.NULL_REF);
        vm.put("domid", -1);
        return Call.VOID;
    }

    private static JsonNode destroy(Call call) {
        ObjectStore store = call.store();
        String ref = call.text(1);
        ObjectNode vm = call.object(1);
        if (vm.path("is_control_domain").asBoolean()) {
            throw new XapiFault("OPERATION_NOT_ALLOWED", "the control domain cannot be destroyed");
        }
        requirePowerState(ref, vm, "Halted");
        for (String child : List.of("VBD", "VIF")) {
            store.refs(child, record -> record.path("VM").asText().equals(ref)).forEach(r -> store.destroy(child, r));
        }
        for (String metricsField : List.of("metrics", "guest_metrics")) {
            String metricsClass = metricsField.equals("metrics") ? "VM_metrics" : "VM_guest_metrics";
            if (store.exists(metricsClass, vm.path(metricsField).asText())) {
                store.destroy(metricsClass, vm.path(metricsField).asText());
            }
        }
        store.destroy("VM", ref);
        return Call.VOID;
    }

    /** The host's memory less what Xen, its control domain and its running VMs hold. */
    static long freeMemory(ObjectStore store, String host) {
        long total = store.get("host_metrics", store.get("host", host).path("metrics").asText()).path("memory_total").asLong();
        long used = XEN_OVERHEAD;
        for (ObjectNode vm : store.all("VM").values()) {
            if (vm.path("resident_on").asText().equals(host) && !vm.path("power_state").asText().equals("Halted")) {
                used += vm.path("memory_dynamic_max").asLong();
            }
        }
        return Math.max(0, total - used);
    }

    static void requirePowerState(String ref, ObjectNode vm, String expected) {
        String actual = vm.path("power_state").asText();
        if (!actual.equals(expected)) {
            throw new XapiFault("VM_BAD_POWER_STATE", ref, expected.toLowerCase(Locale.ROOT), actual.toLowerCase(Locale.ROOT));
        }
    }
}
