package io.hyperlab.host.xapi;

import io.hyperlab.ByteSize;
import io.hyperlab.ConflictException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.BootMode;
import io.hyperlab.host.Steps;
import io.hyperlab.host.VmSpec;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates a VM the way XenCenter and {@code xe vm-install} do: clone the installer template,
 * rewrite its provision spec ({@code other_config["disks"]}) with the disk size and a real SR
 * UUID, provision (which makes the disk and turns the clone into a VM), vCPUs (maximum and at
 * startup in the order that keeps at_startup within max), memory limits, a CD drive with the ISO
 * inserted, a NIC, HVM boot order and firmware, the home host. Everything is looked up and
 * checked before the first change; a failed step destroys the clone and its disks.
 */
final class VmCreation {
    private final String hostName;
    private final XapiSession session;
    private final VmSpec spec;

    /** What the checks found: the references every step needs. */
    private record Plan(String template, XapiRecords.Vm templateRecord, String srUuid, String srName, String isoVdi,
                        String network, long networkMtu, String homeHost) {
    }

    VmCreation(String hostName, XapiSession session, VmSpec spec) {
        this.hostName = hostName;
        this.session = session;
        this.spec = spec;
    }

    /** Creates the VM, left off; its reference. */
    String run() {
        Plan plan = plan();
        Steps steps = new Steps("create VM '" + spec.name() + "' on host '" + hostName + "'");
        String vm = steps.run("clone template '" + spec.template() + "'",
            () -> XapiCalls.await(session.run("VM.clone", plan.template(), spec.name())), this::destroyWithDisks);
        steps.run("set the disk to " + ByteSize.format(spec.diskBytes()) + " on SR '" + plan.srName() + "'", () -> {
            XapiCalls.await(session.call("VM.remove_from_other_config", vm, "disks"));
            return XapiCalls.await(session.call("VM.add_to_other_config", vm, "disks", provisionSpec(plan.srUuid())));
        });
        steps.run("provision the disk", () -> XapiCalls.await(session.run("VM.provision", vm)));
        steps.run("set " + spec.vcpus() + " vCPUs", () -> setVcpus(vm, plan.templateRecord().vcpusAtStartup()));
        steps.run("set memory to " + ByteSize.format(spec.memoryBytes()), () -> XapiCalls.await(session.call("VM.set_memory_limits", vm,
            Math.min(plan.templateRecord().memoryStaticMin(), spec.memoryBytes()), spec.memoryBytes(), spec.memoryBytes(), spec.memoryBytes())));
        String cd = steps.run("add a CD drive", () -> XapiCalls.await(XapiClass.VBD.create(session, cdDrive(vm))));
        if (plan.isoVdi() != null) {
            steps.run("insert ISO '" + spec.iso().iso() + "'", () -> XapiCalls.await(session.call("VBD.insert", cd, plan.isoVdi())));
        }
        if (plan.network() != null) {
            steps.run("add a network interface on '" + spec.network() + "'",
                () -> XapiCalls.await(XapiClass.VIF.create(session, nic(vm, plan.network(), plan.networkMtu()))));
        }
        if (!"pv".equals(plan.templateRecord().domainType())) {
            Map<String, String> boot = new LinkedHashMap<>(plan.templateRecord().hvmBootParams());
            boot.put("order", "dc");
            boot.put("firmware", spec.bootMode() == BootMode.UEFI ? "uefi" : "bios");
            steps.run("set boot from CD then disk with " + spec.bootMode().id().toUpperCase(Locale.ROOT),
                () -> XapiCalls.await(session.call("VM.set_HVM_boot_params", vm, boot)));
        }
        if (plan.homeHost() != null) {
            steps.run("set home host '" + spec.homeHost() + "'", () -> XapiCalls.await(session.call("VM.set_affinity", vm, plan.homeHost())));
        }
        steps.done();
        return vm;
    }

    private Plan plan() {
        Future<Map<String, XapiRecords.Vm>> vmsFuture = XapiClass.VM.allRecords(session);
        Future<Map<String, XapiRecords.Host>> hostsFuture = XapiClass.HOST.allRecords(session);
        Future<Map<String, XapiRecords.Sr>> srsFuture = XapiClass.SR.allRecords(session);
        Future<Map<String, XapiRecords.Network>> networksFuture = XapiClass.NETWORK.allRecords(session);
        Future<Map<String, XapiRecords.Pool>> poolsFuture = XapiClass.POOL.allRecords(session);
        XapiCalls.await(Future.all(List.of(vmsFuture, hostsFuture, srsFuture, networksFuture, poolsFuture)));
        Map<String, XapiRecords.Vm> vms = vmsFuture.result();
        Map<String, XapiRecords.Sr> srs = srsFuture.result();
        if (vms.values().stream().anyMatch(vm -> XapiInventory.isGuest(vm) && vm.nameLabel().equals(spec.name()))) {
            throw new ConflictException("host '" + hostName + "' already has a VM named '" + spec.name() + "': choose another name");
        }
        String template = one("VM template", spec.template(),
            XapiLookup.matching(vms, vm -> vm.template() && !vm.snapshot() && vm.nameLabel().equals(spec.template())));
        XapiRecords.Vm templateRecord = vms.get(template);
        checkTemplate(templateRecord);

        XapiRecords.Pool pool = poolsFuture.result().values().iterator().next();
        String hostRef = spec.homeHost() == null ? pool.master()
            : one("home host", spec.homeHost(), XapiLookup.matching(hostsFuture.result(), host -> host.nameLabel().equals(spec.homeHost())));
        checkLimits(hostsFuture.result().get(hostRef), hostRef);

        String sr = spec.storage() == null ? defaultSr(pool, srs)
            : one("storage (SR)", spec.storage(), XapiLookup.matching(srs, s -> !"iso".equals(s.contentType()) && s.nameLabel().equals(spec.storage())));
        XapiRecords.Sr srRecord = srs.get(sr);
        long free = srRecord.physicalSize() - srRecord.physicalUtilisation();
        if (spec.diskBytes() > free) {
            throw new InvalidInputException("a disk of " + ByteSize.format(spec.diskBytes()) + " does not fit SR '" + srRecord.nameLabel()
                + "' on host '" + hostName + "', which has " + ByteSize.format(Math.max(0, free)) + " free");
        }
        String isoVdi = spec.iso() == null ? null : isoVdi(srs);
        String network = spec.network() == null ? null
            : one("network", spec.network(), XapiLookup.matching(networksFuture.result(), n -> n.nameLabel().equals(spec.network())));
        long mtu = network == null ? 1500 : networksFuture.result().get(network).mtu();
        return new Plan(template, templateRecord, srRecord.uuid(), srRecord.nameLabel(), isoVdi, network, mtu,
            spec.homeHost() == null ? null : hostRef);
    }

    private void checkTemplate(XapiRecords.Vm template) {
        for (String vbd : template.vbds()) {
            if (XapiCalls.await(XapiClass.VBD.record(session, vbd)).type().equals("Disk")) {
                throw new InvalidInputException("template '" + spec.template() + "' already has disks: HyperLab creates VMs from "
                    + "installer templates (such as 'Other install media'), whose disk it makes itself");
            }
        }
        if ("pv".equals(template.domainType()) && spec.bootMode() == BootMode.UEFI) {
            throw new InvalidInputException("template '" + spec.template() + "' makes PV guests, which have no UEFI firmware: "
                + "use boot mode bios or an HVM template");
        }
    }

    private void checkLimits(XapiRecords.Host host, String hostRef) {
        int cpus = XapiFacts.cpu(host).logicalCpus();
        if (spec.vcpus() > cpus) {
            throw new InvalidInputException("VM '" + spec.name() + "' asks for " + spec.vcpus() + " vCPUs but host '"
                + host.nameLabel() + "' has " + cpus + " logical CPUs: give at most " + cpus);
        }
        XapiRecords.HostMetrics metrics = XapiCalls.await(XapiClass.HOST_METRICS.record(session, host.metrics()));
        if (spec.memoryBytes() > metrics.memoryTotal()) {
            throw new InvalidInputException("VM '" + spec.name() + "' asks for " + ByteSize.format(spec.memoryBytes())
                + " of memory but host '" + host.nameLabel() + "' has " + ByteSize.format(metrics.memoryTotal()) + " in all");
        }
    }

    private String defaultSr(XapiRecords.Pool pool, Map<String, XapiRecords.Sr> srs) {
        if (pool.defaultSr() == null || !srs.containsKey(pool.defaultSr())) {
            throw new InvalidInputException("host '" + hostName + "' has no default SR: name the storage for the disk");
        }
        return pool.defaultSr();
    }

    private String isoVdi(Map<String, XapiRecords.Sr> srs) {
        String library = one("ISO library", spec.iso().library(),
            XapiLookup.matching(srs, sr -> "iso".equals(sr.contentType()) && sr.nameLabel().equals(spec.iso().library())));
        Map<String, String> isos = new LinkedHashMap<>();
        for (String vdi : srs.get(library).vdis()) {
            isos.put(XapiCalls.await(XapiClass.VDI.record(session, vdi)).nameLabel(), vdi);
        }
        String found = isos.get(spec.iso().iso());
        if (found == null) {
            throw new NotFoundException("ISO library '" + spec.iso().library() + "' on host '" + hostName + "' has no ISO '"
                + spec.iso().iso() + "'" + (isos.isEmpty() ? "; it is empty (rescan it after copying ISOs to its share)"
                : "; it has: " + isos.keySet().stream().sorted().collect(Collectors.joining(", "))));
        }
        return found;
    }

    /** VCPUs_at_startup must stay within VCPUs_max at every moment: raise the maximum first, lower it last. */
    private Object setVcpus(String vm, long currentAtStartup) {
        if (spec.vcpus() >= currentAtStartup) {
            XapiCalls.await(session.call("VM.set_VCPUs_max", vm, (long) spec.vcpus()));
            return XapiCalls.await(session.call("VM.set_VCPUs_at_startup", vm, (long) spec.vcpus()));
        }
        XapiCalls.await(session.call("VM.set_VCPUs_at_startup", vm, (long) spec.vcpus()));
        return XapiCalls.await(session.call("VM.set_VCPUs_max", vm, (long) spec.vcpus()));
    }

    private String provisionSpec(String srUuid) {
        return "<provision><disk device=\"0\" size=\"" + spec.diskBytes() + "\" sr=\"" + srUuid
            + "\" bootable=\"true\" type=\"system\"/></provision>";
    }

    private static Map<String, Object> cdDrive(String vm) {
        Map<String, Object> vbd = new HashMap<>();
        vbd.put("VM", vm);
        vbd.put("VDI", XapiRecords.NULL_REF);
        vbd.put("userdevice", "3");
        vbd.put("bootable", true);
        vbd.put("mode", "RO");
        vbd.put("type", "CD");
        vbd.put("empty", true);
        vbd.put("unpluggable", true);
        vbd.put("other_config", Map.of());
        vbd.put("qos_algorithm_type", "");
        vbd.put("qos_algorithm_params", Map.of());
        return vbd;
    }

    private static Map<String, Object> nic(String vm, String network, long mtu) {
        Map<String, Object> vif = new HashMap<>();
        vif.put("device", "0");
        vif.put("network", network);
        vif.put("VM", vm);
        vif.put("MAC", "");
        vif.put("MTU", mtu);
        vif.put("other_config", Map.of());
        vif.put("qos_algorithm_type", "");
        vif.put("qos_algorithm_params", Map.of());
        return vif;
    }

    /** Undoes the clone: the VM (with its VBDs and VIFs) and then the disks provisioning made for it. */
    private void destroyWithDisks(String vm) {
        List<String> disks = XapiInventory.diskVdis(session, vm);
        XapiCalls.await(session.call("VM.destroy", vm));
        for (String vdi : disks) {
            XapiCalls.await(session.call("VDI.destroy", vdi));
        }
    }

    private String one(String what, String name, List<String> refs) {
        return XapiLookup.one(hostName, what, name, refs);
    }
}
