package io.hyperlab.host.xapi;

import io.hyperlab.ConflictException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NetworkKind;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.Steps;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * XAPI networks: an internal network (no PIF: VMs of one host talk to each other only) or a
 * network on a host NIC, which for a new network means a VLAN on that NIC (the untagged NIC
 * already has its network). XAPI has no NAT. The host's internal management network is hidden,
 * as XenCenter hides it.
 */
final class XapiNetworks {
    private static final String INTERNAL_MANAGEMENT = "is_host_internal_management_network";

    private final String hostName;
    private final XapiSession session;

    XapiNetworks(String hostName, XapiSession session) {
        this.hostName = hostName;
        this.session = session;
    }

    List<NetworkInfo> list() {
        Future<Map<String, XapiRecords.Network>> networks = XapiClass.NETWORK.allRecords(session);
        Future<Map<String, XapiRecords.Pif>> pifs = XapiClass.PIF.allRecords(session);
        XapiCalls.await(Future.all(networks, pifs));
        List<NetworkInfo> result = new ArrayList<>();
        networks.result().forEach((ref, network) -> {
            if (!visible(network)) {
                return;
            }
            List<XapiRecords.Pif> carriers = network.pifs().stream().map(pifs.result()::get).toList();
            if (carriers.isEmpty()) {
                result.add(new NetworkInfo(network.nameLabel(), network.uuid(), NetworkKind.ISOLATED, network.bridge(), null, null, true));
            } else {
                XapiRecords.Pif pif = carriers.get(0);
                String device = pif.vlan() >= 0 ? pif.device() + "." + pif.vlan() : pif.device();
                result.add(new NetworkInfo(network.nameLabel(), network.uuid(), NetworkKind.BRIDGE, network.bridge(), device, null,
                    carriers.stream().anyMatch(XapiRecords.Pif::currentlyAttached)));
            }
        });
        result.sort(Comparator.comparing(NetworkInfo::name));
        return result;
    }

    NetworkInfo create(NetworkSpec spec) {
        if (spec.kind() == NetworkKind.NAT) {
            throw new InvalidInputException("XenServer has no NAT networks: create an internal network (kind isolated) "
                + "or one on a host NIC (kind bridge, with a VLAN tag)");
        }
        if (spec.ipv4() != null) {
            throw new InvalidInputException("XenServer networks have no address of their own (the VMs' DHCP comes from the LAN "
                + "or from one of them): leave out the IPv4 address");
        }
        Map<String, XapiRecords.Network> networks = XapiCalls.await(XapiClass.NETWORK.allRecords(session));
        if (networks.values().stream().anyMatch(network -> network.nameLabel().equals(spec.name()))) {
            throw new ConflictException("host '" + hostName + "' already has a network named '" + spec.name() + "': choose another name");
        }
        String pif = spec.kind() == NetworkKind.BRIDGE ? physicalPif(spec, networks) : null;
        Steps steps = new Steps("create network '" + spec.name() + "' on host '" + hostName + "'");
        String network = steps.run("create the network", () -> XapiCalls.await(XapiClass.NETWORK.create(session, Map.of(
            "name_label", spec.name(), "name_description", "Network added by HyperLab", "MTU", 1500L, "other_config", Map.of()))),
            ref -> XapiCalls.await(XapiClass.NETWORK.destroy(session, ref)));
        if (pif != null) {
            steps.run("add VLAN " + spec.vlan() + " on " + spec.hostInterface(),
                () -> XapiCalls.await(session.call("pool.create_VLAN_from_PIF", pif, network, (long) spec.vlan())));
        }
        steps.done();
        String uuid = XapiCalls.await(XapiClass.NETWORK.record(session, network)).uuid();
        return list().stream().filter(info -> info.id().equals(uuid)).findFirst().orElseThrow();
    }

    /** The physical PIF of the coordinator a VLAN network goes on; the untagged NIC already has its own network. */
    private String physicalPif(NetworkSpec spec, Map<String, XapiRecords.Network> networks) {
        Map<String, XapiRecords.Pif> pifs = XapiCalls.await(XapiClass.PIF.allRecords(session));
        String master = XapiCalls.await(XapiClass.POOL.allRecords(session)).values().iterator().next().master();
        List<String> physical = XapiLookup.matching(pifs, pif -> pif.physical() && pif.host().equals(master));
        String pif = physical.stream().filter(ref -> pifs.get(ref).device().equals(spec.hostInterface())).findFirst()
            .orElseThrow(() -> new NotFoundException("host '" + hostName + "' has no NIC '" + spec.hostInterface() + "'; it has "
                + physical.stream().map(ref -> pifs.get(ref).device()).sorted().collect(Collectors.joining(", "))));
        if (spec.vlan() == null) {
            XapiRecords.Network own = networks.get(pifs.get(pif).network());
            throw new ConflictException("NIC " + spec.hostInterface() + " of host '" + hostName + "' already carries network '"
                + (own == null ? "?" : own.nameLabel()) + "': use that network, or give a VLAN tag for a new one on it");
        }
        boolean taken = pifs.values().stream()
            .anyMatch(other -> other.device().equals(spec.hostInterface()) && other.vlan() == spec.vlan() && other.host().equals(master));
        if (taken) {
            throw new ConflictException("NIC " + spec.hostInterface() + " of host '" + hostName + "' already has VLAN " + spec.vlan());
        }
        return pif;
    }

    void delete(String name) {
        Map<String, XapiRecords.Network> networks = XapiCalls.await(XapiClass.NETWORK.allRecords(session));
        String ref = XapiLookup.one(hostName, "network", name,
            XapiLookup.matching(networks, network -> visible(network) && network.nameLabel().equals(name)));
        XapiRecords.Network network = networks.get(ref);
        if (!network.vifs().isEmpty()) {
            List<String> users = new ArrayList<>();
            for (String vif : network.vifs()) {
                String vm = XapiCalls.await(XapiClass.VIF.record(session, vif)).vm();
                users.add(XapiCalls.await(XapiClass.VM.record(session, vm)).nameLabel());
            }
            throw new ConflictException("network '" + name + "' on host '" + hostName + "' is used by VM(s) "
                + String.join(", ", users.stream().sorted().toList()) + ": remove their network interfaces or delete them first");
        }
        for (String pifRef : network.pifs()) {
            XapiRecords.Pif pif = XapiCalls.await(XapiClass.PIF.record(session, pifRef));
            if (pif.physical()) {
                throw new InvalidInputException("network '" + name + "' is the network of host '" + hostName + "''s NIC "
                    + pif.device() + ": it cannot be removed");
            }
        }
        Map<String, XapiRecords.Vlan> vlans = XapiCalls.await(XapiClass.VLAN.allRecords(session));
        for (String vlan : XapiLookup.matching(vlans, vlan -> network.pifs().contains(vlan.untaggedPif()))) {
            XapiCalls.await(XapiClass.VLAN.destroy(session, vlan));
        }
        XapiCalls.await(XapiClass.NETWORK.destroy(session, ref));
    }

    private static boolean visible(XapiRecords.Network network) {
        return network.otherConfig() == null || !"true".equals(network.otherConfig().get(INTERNAL_MANAGEMENT));
    }
}
