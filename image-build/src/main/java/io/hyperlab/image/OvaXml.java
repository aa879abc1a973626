package io.hyperlab.image;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code ova.xml} of an XVA (export_vsn 2): the version struct and the objects VM, SR,
 * VDI, VBD, network and VIF, cross-referenced by {@code Ref:N} ids. The records carry the
 * fields XCP-ng's import reads, with the values of a halted HVM VM.
 */
public final class OvaXml {
    public static final String VM_REF = "Ref:0";
    public static final String SR_REF = "Ref:1";
    public static final String VDI_REF = "Ref:2";
    public static final String VBD_REF = "Ref:3";
    public static final String NETWORK_REF = "Ref:4";
    public static final String VIF_REF = "Ref:5";
    private static final String NULL_REF = "OpaqueRef:NULL";

    private OvaXml() {
    }

    /** The whole document as a value tree (see {@link XmlRpc}). */
    public static Map<String, Object> document(VmSpec spec, Instant exported) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("hostname", "hyperlab-build");
        version.put("date", DateTimeFormatter.ISO_LOCAL_DATE.format(exported.atZone(ZoneOffset.UTC)));
        version.put("product_version", "8.2.1");
        version.put("product_brand", "XCP-ng");
        version.put("build_number", "hyperlab");
        version.put("xapi_major", 1);
        version.put("xapi_minor", 20);
        version.put("export_vsn", 2);

        List<Object> objects = new ArrayList<>();
        objects.add(object("VM", VM_REF, vm(spec)));
        objects.add(object("SR", SR_REF, sr()));
        objects.add(object("VDI", VDI_REF, vdi(spec)));
        objects.add(object("VBD", VBD_REF, vbd()));
        objects.add(object("network", NETWORK_REF, network()));
        objects.add(object("VIF", VIF_REF, vif()));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", version);
        document.put("objects", objects);
        return document;
    }

    /** The document as the XML text of {@code ova.xml}. */
    public static String xml(VmSpec spec, Instant exported) {
        return XmlRpc.encode(document(spec, exported));
    }

    private static Map<String, Object> object(String kind, String id, Map<String, Object> snapshot) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("class", kind);
        object.put("id", id);
        object.put("snapshot", snapshot);
        return object;
    }

    private static Map<String, Object> vm(VmSpec spec) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("uuid", UUID.randomUUID().toString());
        vm.put("name_label", spec.name());
        vm.put("name_description", spec.description());
        vm.put("power_state", "Halted");
        vm.put("is_a_template", false);
        vm.put("is_a_snapshot", false);
        vm.put("is_control_domain", false);
        vm.put("user_version", 1);
        vm.put("domain_type", "hvm");
        vm.put("memory_static_min", spec.memoryBytes());
        vm.put("memory_dynamic_min", spec.memoryBytes());
        vm.put("memory_dynamic_max", spec.memoryBytes());
        vm.put("memory_static_max", spec.memoryBytes());
        vm.put("memory_target", spec.memoryBytes());
        vm.put("memory_overhead", 0);
        vm.put("VCPUs_max", spec.vcpus());
        vm.put("VCPUs_at_startup", spec.vcpus());
        vm.put("VCPUs_params", Map.of());
        vm.put("actions_after_shutdown", "destroy");
        vm.put("actions_after_reboot", "restart");
        vm.put("actions_after_crash", "restart");
        vm.put("HVM_boot_policy", "BIOS order");
        vm.put("HVM_boot_params", ordered("order", "c", "firmware", spec.firmware().xapiName()));
        vm.put("HVM_shadow_multiplier", 1.0);
        vm.put("platform", ordered(
            "device-model", "qemu-upstream-compat",
            "acpi", "1", "apic", "true", "pae", "true", "nx", "true",
            "hpet", "true", "viridian", "false", "timeoffset", "0",
            "secureboot", "false"));
        vm.put("PV_bootloader", "");
        vm.put("PV_kernel", "");
        vm.put("PV_ramdisk", "");
        vm.put("PV_args", "");
        vm.put("PV_bootloader_args", "");
        vm.put("PV_legacy_args", "");
        vm.put("PCI_bus", "");
        vm.put("other_config", ordered("mac_seed", UUID.randomUUID().toString(),
            "base_template_name", "Other install media"));
        vm.put("xenstore_data", Map.of());
        vm.put("recommendations", "");
        vm.put("VBDs", List.of(VBD_REF));
        vm.put("VIFs", List.of(VIF_REF));
        vm.put("VGPUs", List.of());
        vm.put("VUSBs", List.of());
        vm.put("VTPMs", List.of());
        vm.put("consoles", List.of());
        vm.put("crash_dumps", List.of());
        vm.put("attached_PCIs", List.of());
        vm.put("snapshots", List.of());
        vm.put("children", List.of());
        vm.put("tags", List.of());
        vm.put("blocked_operations", Map.of());
        vm.put("allowed_operations", List.of());
        vm.put("current_operations", Map.of());
        vm.put("blobs", Map.of());
        vm.put("NVRAM", Map.of());
        vm.put("ha_always_run", false);
        vm.put("ha_restart_priority", "");
        vm.put("has_vendor_device", false);
        vm.put("hardware_platform_version", 0);
        vm.put("order", 0);
        vm.put("start_delay", 0);
        vm.put("shutdown_delay", 0);
        vm.put("generation_id", "");
        vm.put("last_booted_record", "");
        vm.put("snapshot_time", "19700101T00:00:00Z");
        vm.put("transportable_snapshot_id", "");
        vm.put("affinity", NULL_REF);
        vm.put("resident_on", NULL_REF);
        vm.put("guest_metrics", NULL_REF);
        vm.put("metrics", NULL_REF);
        vm.put("parent", NULL_REF);
        vm.put("snapshot_of", NULL_REF);
        vm.put("suspend_VDI", NULL_REF);
        vm.put("suspend_SR", NULL_REF);
        return vm;
    }

    private static Map<String, Object> sr() {
        Map<String, Object> sr = new LinkedHashMap<>();
        sr.put("uuid", UUID.randomUUID().toString());
        sr.put("name_label", "Local storage");
        sr.put("name_description", "");
        sr.put("type", "lvm");
        sr.put("content_type", "user");
        sr.put("VDIs", List.of(VDI_REF));
        sr.put("other_config", Map.of());
        return sr;
    }

    private static Map<String, Object> vdi(VmSpec spec) {
        Map<String, Object> vdi = new LinkedHashMap<>();
        vdi.put("uuid", UUID.randomUUID().toString());
        vdi.put("name_label", spec.name() + " disk");
        vdi.put("name_description", "System disk of " + spec.name());
        vdi.put("SR", SR_REF);
        vdi.put("VBDs", List.of(VBD_REF));
        vdi.put("virtual_size", spec.diskBytes());
        vdi.put("physical_utilisation", spec.diskBytes());
        vdi.put("type", "system");
        vdi.put("sharable", false);
        vdi.put("read_only", false);
        vdi.put("managed", true);
        vdi.put("missing", false);
        vdi.put("is_a_snapshot", false);
        vdi.put("snapshot_of", NULL_REF);
        vdi.put("snapshots", List.of());
        vdi.put("snapshot_time", "19700101T00:00:00Z");
        vdi.put("on_boot", "persist");
        vdi.put("allow_caching", false);
        vdi.put("cbt_enabled", false);
        vdi.put("storage_lock", false);
        vdi.put("parent", NULL_REF);
        vdi.put("metrics", NULL_REF);
        vdi.put("other_config", Map.of());
        vdi.put("xenstore_data", Map.of());
        vdi.put("sm_config", Map.of());
        vdi.put("tags", List.of());
        return vdi;
    }

    private static Map<String, Object> vbd() {
        Map<String, Object> vbd = new LinkedHashMap<>();
        vbd.put("uuid", UUID.randomUUID().toString());
        vbd.put("VM", VM_REF);
        vbd.put("VDI", VDI_REF);
        vbd.put("device", "xvda");
        vbd.put("userdevice", "0");
        vbd.put("bootable", true);
        vbd.put("mode", "RW");
        vbd.put("type", "Disk");
        vbd.put("unpluggable", false);
        vbd.put("empty", false);
        vbd.put("storage_lock", false);
        unplugged(vbd);
        return vbd;
    }

    /** The first network of every XenServer host: the one on the management NIC's bridge. */
    private static Map<String, Object> network() {
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("uuid", UUID.randomUUID().toString());
        network.put("name_label", "Pool-wide network associated with eth0");
        network.put("name_description", "");
        network.put("bridge", "xenbr0");
        network.put("MTU", 1500);
        network.put("VIFs", List.of(VIF_REF));
        network.put("PIFs", List.of());
        network.put("other_config", Map.of());
        network.put("tags", List.of());
        return network;
    }

    private static Map<String, Object> vif() {
        Map<String, Object> vif = new LinkedHashMap<>();
        vif.put("uuid", UUID.randomUUID().toString());
        vif.put("device", "0");
        vif.put("network", NETWORK_REF);
        vif.put("VM", VM_REF);
        vif.put("MAC", "");
        vif.put("MAC_autogenerated", true);
        vif.put("MTU", 1500);
        vif.put("locking_mode", "network_default");
        vif.put("ipv4_allowed", List.of());
        vif.put("ipv6_allowed", List.of());
        vif.put("ipv4_configuration_mode", "None");
        vif.put("ipv4_addresses", List.of());
        vif.put("ipv4_gateway", "");
        vif.put("ipv6_configuration_mode", "None");
        vif.put("ipv6_addresses", List.of());
        vif.put("ipv6_gateway", "");
        unplugged(vif);
        return vif;
    }

    /** What a VBD and a VIF share: a device of a halted VM, not plugged, without QoS. */
    private static void unplugged(Map<String, Object> device) {
        device.put("currently_attached", false);
        device.put("status_code", 0);
        device.put("status_detail", "");
        device.put("allowed_operations", List.of());
        device.put("current_operations", Map.of());
        device.put("other_config", Map.of());
        device.put("qos_algorithm_type", "");
        device.put("qos_algorithm_params", Map.of());
        device.put("qos_supported_algorithms", List.of());
        device.put("runtime_properties", Map.of());
        device.put("metrics", NULL_REF);
    }

    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
