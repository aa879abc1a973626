package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a freshly installed XCP-ng 8.3 host holds, as its records look: the pool, the host with
 * its CPU, memory and NICs, the control domain, local storage, the tools and DVD ISO SRs, the
 * installer templates, and a few guests (a running HVM VM with guest tools, a PV VM, an older
 * record without domain_type, a snapshot) so that listings have something to leave out.
 */
public record LabHost(String name, String address, int cpuCount, int sockets, int threadsPerCore, boolean hvmCapable,
                      long memoryTotal, long localSrSize, long nicSpeedMbit) {
    public static final long GIB = 1L << 30;
    static final String DEBIAN_TEMPLATE = "Debian Bookworm 12";

    /** A 2-socket, 16-thread, 64 GiB host with a 500 GiB local SR and gigabit NICs. */
    public static LabHost standard(String address) {
        return new LabHost("xcp-lab", address, 16, 2, 2, true, 64 * GIB, 500 * GIB, 1000);
    }

    public LabHost withName(String newName) {
        return new LabHost(newName, address, cpuCount, sockets, threadsPerCore, hvmCapable, memoryTotal, localSrSize, nicSpeedMbit);
    }

    public LabHost withoutHvm() {
        return new LabHost(name, address, cpuCount, sockets, threadsPerCore, false, memoryTotal, localSrSize, nicSpeedMbit);
    }

    void seed(ServerState state) {
        ObjectStore store = state.store();
        String metrics = store.create("host_metrics", fields("memory_total", memoryTotal, "live", true));
        ArrayNode capabilities = XapiType.NODES.arrayNode().add("xen-3.0-x86_64");
        if (hvmCapable) {
            capabilities.add("hvm-3.0-x86_32").add("hvm-3.0-x86_32p").add("hvm-3.0-x86_64");
        }
        String host = store.create("host", fields("name_label", name, "hostname", name, "address", address, "enabled", true,
            "API_version_major", 2L, "API_version_minor", 21L, "metrics", metrics, "capabilities", capabilities,
            "software_version", map("product_brand", "XCP-ng", "product_version", "8.3.0", "platform_name", "XCP",
                "platform_version", "3.4.0", "xapi", "24.19", "xen", "4.17.5-3", "hostname", name),
            "cpu_info", map("cpu_count", Integer.toString(cpuCount), "socket_count", Integer.toString(sockets),
                "threads_per_core", Integer.toString(threadsPerCore), "vendor", "GenuineIntel", "speed", "2394.454",
                "modelname", "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", "family", "6", "model", "79", "stepping", "1",
                "flags", "fpu de tsc msr pae mce cx8 apic sep mca cmov pat clflush acpi mmx fxsr sse sse2 ht syscall nx lm"
                    + (hvmCapable ? " vmx" : "") + " constant_tsc rep_good nopl pni pclmulqdq ssse3 fma cx16 sse4_1 sse4_2 popcnt aes avx")));
        String localSr = store.create("SR", fields("name_label", "Local storage", "type", "lvm", "content_type", "user",
            "physical_size", localSrSize, "physical_utilisation", 8 * GIB, "virtual_allocation", 8 * GIB));
        store.create("PBD", fields("host", host, "SR", localSr, "device_config", map("device", "/dev/sda3"), "currently_attached", true));
        String pool = store.create("pool", fields("master", host, "default_SR", localSr, "suspend_image_SR", localSr,
            "crash_dump_SR", localSr));
        state.identity(host, pool);
        store.get("host", host).put("control_domain", vm(store, "Control domain on host: " + name, "Running", host, 4, 4 * GIB,
            "pv", fields("is_control_domain", true)));

        String toolsSr = store.create("SR", fields("name_label", "XCP-ng Tools", "type", "iso", "content_type", "iso",
            "is_tools_sr", true, "shared", true, "physical_size", 60L << 20, "physical_utilisation", 60L << 20));
        store.create("PBD", fields("host", host, "SR", toolsSr, "currently_attached", true,
            "device_config", map("location", "/opt/xensource/packages/iso", "legacy_mode", "true")));
        store.create("VDI", fields("name_label", "guest-tools.iso", "location", "guest-tools.iso", "SR", toolsSr,
            "virtual_size", 60L << 20, "type", "user", "read_only", true, "is_tools_iso", true));
        String dvdSr = store.create("SR", fields("name_label", "DVD drives", "type", "udev", "content_type", "iso",
            "sm_config", map("type", "cd")));
        store.create("PBD", fields("host", host, "SR", dvdSr, "currently_attached", true, "device_config", map("location", "/dev/xapi/cd")));

        String eth0 = nic(store, host, "eth0", "xenbr0", true, "192.0.2.10");
        nic(store, host, "eth1", "xenbr1", false, "");
        store.create("network", fields("name_label", "Host internal management network", "bridge", "xenapi",
            "name_description", "Network on which guests will be assigned a private link-local IP address",
            "other_config", map("is_guest_installer_network", "true", "is_host_internal_management_network", "true")));

        template(store, DEBIAN_TEMPLATE, 1, GIB, 512L << 20, 10 * GIB, "bios");
        template(store, "Other install media", 1, 512L << 20, 256L << 20, 10 * GIB, "bios");
        template(store, "Windows 10 (64-bit)", 2, 2 * GIB, 2 * GIB, 32 * GIB, "uefi");
        guests(store, host, localSr, eth0);
    }

    private void guests(ObjectStore store, String host, String localSr, String network) {
        String guestMetrics = store.create("VM_guest_metrics", fields("live", true, "PV_drivers_detected", true,
            "os_version", map("name", "Debian GNU/Linux 12 (bookworm)", "distro", "debian", "major", "12"),
            "PV_drivers_version", map("major", "8", "minor", "3", "micro", "0", "build", "1"),
            "networks", map("0/ip", "192.0.2.50", "0/ipv4/0", "192.0.2.50", "0/ipv6/0", "fe80::216:3eff:fe4c:1")));
        String web = vm(store, "web01", "Running", host, 2, 2 * GIB, "hvm", fields("guest_metrics", guestMetrics,
            "HVM_boot_policy", "BIOS order", "HVM_boot_params", map("order", "dc", "firmware", "bios")));
        String disk = store.create("VDI", fields("name_label", "web01 disk", "SR", localSr, "virtual_size", 8 * GIB, "type", "system"));
        store.create("VBD", fields("VM", web, "VDI", disk, "userdevice", "0", "bootable", true, "mode", "RW", "type", "Disk",
            "currently_attached", true));
        store.create("VIF", fields("VM", web, "network", network, "device", "0", "MAC", "02:16:3e:4c:00:01", "MTU", 1500L,
            "currently_attached", true));
        vm(store, "legacy-pv", "Halted", DataModel.NULL_REF, 1, GIB, "pv", fields("PV_bootloader", "pygrub"));
        vm(store, "old-hvm", "Halted", DataModel.NULL_REF, 1, GIB, "unspecified", fields("HVM_boot_policy", "BIOS order"));
        vm(store, "web01 before upgrade", "Halted", DataModel.NULL_REF, 2, 2 * GIB, "hvm",
            fields("is_a_snapshot", true, "snapshot_of", web, "snapshot_time", "20240420T12:00:00Z"));
    }

    private static String vm(ObjectStore store, String label, String power, String residentOn, long vcpus, long memory,
                             String domainType, Map<String, JsonNode> extra) {
        boolean running = power.equals("Running");
        String metrics = store.create("VM_metrics", fields("VCPUs_number", running ? vcpus : 0L,
            "memory_actual", running ? memory : 0L, "current_domain_type", running ? domainType : "unspecified"));
        Map<String, JsonNode> record = fields("name_label", label, "power_state", power, "resident_on", residentOn,
            "VCPUs_max", vcpus, "VCPUs_at_startup", vcpus, "memory_static_min", memory, "memory_static_max", memory,
            "memory_dynamic_min", memory, "memory_dynamic_max", memory, "domain_type", domainType, "metrics", metrics,
            "domid", running ? 1L : -1L, "actions_after_shutdown", "destroy", "actions_after_reboot", "restart",
            "actions_after_crash", "restart");
        record.putAll(extra);
        return store.create("VM", record);
    }

    /** A physical NIC: its network (the bridge XAPI names xenbrN), PIF and link metrics. */
    private String nic(ObjectStore store, String host, String device, String bridge, boolean management, String ip) {
        String network = store.create("network", fields("name_label", "Pool-wide network associated with " + device,
            "bridge", bridge, "MTU", 1500L));
        String metrics = store.create("PIF_metrics", fields("speed", nicSpeedMbit, "duplex", true, "carrier", true,
            "vendor_name", "Intel Corporation", "device_name", "I350 Gigabit Network Connection"));
        store.create("PIF", fields("device", device, "network", network, "host", host, "MAC", "0c:c4:7a:00:00:0" + device.charAt(3),
            "MTU", 1500L, "VLAN", -1L, "physical", true, "currently_attached", true, "management", management,
            "ip_configuration_mode", ip.isEmpty() ? "None" : "DHCP", "IP", ip, "metrics", metrics));
        return network;
    }

    /** An installer template as XCP-ng ships it: HVM, no disks yet, a provision spec whose SR is left empty. */
    private static void template(ObjectStore store, String label, long vcpus, long memory, long staticMin, long disk, String firmware) {
        String provision = "<provision><disk device=\"0\" size=\"" + disk + "\" sr=\"\" bootable=\"true\" type=\"system\"/></provision>";
        vm(store, label, "Halted", DataModel.NULL_REF, vcpus, memory, "hvm", fields("is_a_template", true, "is_default_template", true,
            "memory_static_min", staticMin, "HVM_boot_policy", "BIOS order",
            "HVM_boot_params", map("order", "cdn", "firmware", firmware),
            "platform", map("device-model", "qemu-upstream-compat", "viridian", Boolean.toString(label.startsWith("Windows"))),
            "other_config", map("disks", provision, "install-methods", "cdrom", "default_template", "true")));
    }

    static Map<String, JsonNode> fields(Object... pairs) {
        Map<String, JsonNode> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], node(pairs[i + 1]));
        }
        return map;
    }

    static ObjectNode map(String... pairs) {
        ObjectNode map = XapiType.NODES.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static JsonNode node(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return XapiType.NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return XapiType.NODES.booleanNode(flag);
        }
        if (value instanceof Integer number) {
            return XapiType.NODES.numberNode((long) number);
        }
        if (value instanceof Long number) {
            return XapiType.NODES.numberNode(number);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = XapiType.NODES.arrayNode();
            list.forEach(item -> array.add(node(item)));
            return array;
        }
        throw new IllegalArgumentException("no JSON for " + value);
    }
}
