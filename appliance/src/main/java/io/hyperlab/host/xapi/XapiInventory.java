package io.hyperlab.host.xapi;

import io.hyperlab.host.PowerState;
import io.hyperlab.host.ToolsState;
import io.hyperlab.host.VirtMode;
import io.hyperlab.host.VmInfo;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VMs of a host with their metrics and guest metrics, read in three calls, and how each maps
 * to a {@link VmInfo}: power state, vCPUs, memory, PV/HVM/PVH, guest tools and addresses.
 */
record XapiInventory(Map<String, XapiRecords.Vm> vms, Map<String, XapiRecords.VmMetrics> metrics,
                     Map<String, XapiRecords.VmGuestMetrics> guestMetrics) {

    static XapiInventory load(XapiSession session) {
        Future<Map<String, XapiRecords.Vm>> vms = XapiClass.VM.allRecords(session);
        Future<Map<String, XapiRecords.VmMetrics>> metrics = XapiClass.VM_METRICS.allRecords(session);
        Future<Map<String, XapiRecords.VmGuestMetrics>> guests = XapiClass.VM_GUEST_METRICS.allRecords(session);
        XapiCalls.await(Future.all(vms, metrics, guests));
        return new XapiInventory(vms.result(), metrics.result(), guests.result());
    }

    /** A VM a user made: not a template, a snapshot, or a control domain. */
    static boolean isGuest(XapiRecords.Vm vm) {
        return !vm.template() && !vm.snapshot() && !vm.controlDomain();
    }

    VmInfo info(XapiRecords.Vm vm) {
        PowerState state = switch (vm.powerState()) {
            case "Running" -> PowerState.RUNNING;
            case "Halted" -> PowerState.OFF;
            case "Paused" -> PowerState.PAUSED;
            case "Suspended" -> PowerState.SUSPENDED;
            default -> PowerState.UNKNOWN;
        };
        XapiRecords.VmMetrics live = state == PowerState.RUNNING ? metrics.get(vm.metrics()) : null;
        int vcpus = (int) (live != null && live.vcpusNumber() > 0 ? live.vcpusNumber() : vm.vcpusAtStartup());
        XapiRecords.VmGuestMetrics guest = guestMetrics.get(vm.guestMetrics());
        return new VmInfo(vm.nameLabel(), vm.uuid(), state, vcpus, vm.memoryStaticMax(), mode(vm, live),
            tools(state, guest), toolsVersion(guest), addresses(guest));
    }

    /**
     * domain_type where the host has it (XAPI since "kolkata"; while running, the type the domain
     * really has); on older hosts an HVM boot policy means HVM, none means PV.
     */
    static VirtMode mode(XapiRecords.Vm vm, XapiRecords.VmMetrics live) {
        String type = live != null && live.currentDomainType() != null && !live.currentDomainType().equals("unspecified")
            ? live.currentDomainType() : vm.domainType();
        if (type != null) {
            switch (type) {
                case "hvm":
                    return VirtMode.HVM;
                case "pvh":
                    return VirtMode.PVH;
                case "pv", "pv_in_pvh":
                    return VirtMode.PV;
                default:
                    break;
            }
        }
        if (vm.hvmBootPolicy() != null && !vm.hvmBootPolicy().isEmpty()) {
            return VirtMode.HVM;
        }
        return VirtMode.PV;
    }

    /** XAPI learns of guest tools only when they report: guest metrics exist once they did. */
    private static ToolsState tools(PowerState state, XapiRecords.VmGuestMetrics guest) {
        if (state != PowerState.RUNNING) {
            return guest == null ? ToolsState.UNKNOWN : ToolsState.NOT_RUNNING;
        }
        return guest != null && guest.pvDriversDetected() ? ToolsState.RUNNING : ToolsState.ABSENT;
    }

    private static String toolsVersion(XapiRecords.VmGuestMetrics guest) {
        if (guest == null || guest.pvDriversVersion() == null || !guest.pvDriversVersion().containsKey("major")) {
            return null;
        }
        Map<String, String> version = guest.pvDriversVersion();
        String text = version.get("major") + "." + version.getOrDefault("minor", "0") + "." + version.getOrDefault("micro", "0");
        return version.containsKey("build") ? text + "-" + version.get("build") : text;
    }

    /** The guest's addresses from its networks map ("0/ip", "0/ipv4/0", "0/ipv6/0"...), each once. */
    private static List<String> addresses(XapiRecords.VmGuestMetrics guest) {
        if (guest == null || guest.networks() == null) {
            return List.of();
        }
        Set<String> addresses = new LinkedHashSet<>();
        guest.networks().entrySet().stream()
            .filter(entry -> entry.getKey().matches("\\d+/(ip|ipv4/\\d+|ipv6/\\d+)"))
            .sorted(Map.Entry.comparingByKey())
            .forEach(entry -> addresses.add(entry.getValue()));
        return new ArrayList<>(addresses);
    }

    /** The VDIs of a VM's disks (not its CDs): what "delete with disks" removes. */
    static List<String> diskVdis(XapiSession session, String vm) {
        XapiRecords.Vm record = XapiCalls.await(XapiClass.VM.record(session, vm));
        List<String> vdis = new ArrayList<>();
        for (String vbd : record.vbds()) {
            XapiRecords.Vbd disk = XapiCalls.await(XapiClass.VBD.record(session, vbd));
            if (disk.type().equals("Disk") && !disk.vdi().equals(XapiRecords.NULL_REF)) {
                vdis.add(disk.vdi());
            }
        }
        return vdis;
    }
}
