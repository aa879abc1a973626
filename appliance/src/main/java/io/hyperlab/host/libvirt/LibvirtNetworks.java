package io.hyperlab.host.libvirt;

import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NetworkKind;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.Steps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.Network;

/** libvirt networks: NAT and isolated ones with their own bridge and DHCP, or a host bridge (e.g. br0) shared with VMs. */
final class LibvirtNetworks {
    private final String host;

    LibvirtNetworks(String host) {
        this.host = host;
    }

    List<NetworkInfo> list(Connect connect) throws LibvirtException {
        List<NetworkInfo> networks = new ArrayList<>();
        for (String name : names(connect)) {
            Network network = connect.networkLookupByName(name);
            networks.add(info(network, XmlDoc.parse(network.getXMLDesc(0))));
        }
        networks.sort(Comparator.comparing(NetworkInfo::name));
        return networks;
    }

    Network network(Connect connect, String name) throws LibvirtException {
        try {
            return connect.networkLookupByName(name);
        } catch (LibvirtException e) {
            if (LibvirtErrors.code(e) == ErrorNumber.VIR_ERR_NO_NETWORK) {
                List<String> names = names(connect);
                throw new NotFoundException("no network '" + name + "' on host " + host + "; it has: "
                    + (names.isEmpty() ? "no networks" : String.join(", ", names)));
            }
            throw e;
        }
    }

    NetworkInfo create(LibvirtSession session, NetworkSpec spec) {
        if (spec.vlan() != null) {
            throw new InvalidInputException("VLAN tags are not supported on libvirt hosts by HyperLab (they need Open vSwitch):"
                + " bridge to a host interface that is already on the VLAN, e.g. br0.10");
        }
        String xml = session.call("checking network '" + spec.name() + "'", connect -> {
            if (names(connect).contains(spec.name())) {
                throw new ConflictException("network '" + spec.name() + "' already exists on host " + host + "; choose another name");
            }
            return xml(spec, spec.kind() == NetworkKind.BRIDGE ? null : subnet(connect, spec));
        });
        Steps steps = new Steps("create network '" + spec.name() + "' on host " + host);
        Network network = steps.run("define network", () -> session.call("defining network " + spec.name(),
            connect -> connect.networkDefineXML(xml)), made -> session.call("removing network " + spec.name(), connect -> {
                connect.networkLookupByName(spec.name()).undefine();
                return null;
            }));
        steps.run("start network", () -> session.call("starting network " + spec.name(), connect -> {
            network.create();
            return null;
        }), made -> session.call("stopping network " + spec.name(), connect -> {
            Network again = connect.networkLookupByName(spec.name());
            if (again.isActive() == 1) {
                again.destroy();
            }
            return null;
        }));
        steps.run("mark network autostart", () -> session.call("marking network " + spec.name() + " autostart", connect -> {
            network.setAutostart(true);
            return null;
        }));
        steps.done();
        return session.call("reading network " + spec.name(), connect -> {
            Network made = connect.networkLookupByName(spec.name());
            return info(made, XmlDoc.parse(made.getXMLDesc(0)));
        });
    }

    void delete(LibvirtSession session, String name) {
        session.call("removing network " + name, connect -> {
            Network network = network(connect, name);
            List<String> users = new ArrayList<>();
            for (Domain domain : connect.listAllDomains(0)) {
                XmlDoc xml = XmlDoc.parse(domain.getXMLDesc(0));
                if (!xml.all("/domain/devices/interface[@type='network']/source[@network=" + quote(name) + "]").isEmpty()) {
                    users.add(domain.getName());
                }
            }
            if (!users.isEmpty()) {
                throw new ConflictException("network '" + name + "' on host " + host + " is used by VMs " + String.join(", ", users)
                    + "; delete them or move their NICs first");
            }
            if (network.isActive() == 1) {
                network.destroy();
            }
            network.undefine();
            return null;
        });
    }

    static String xml(NetworkSpec spec, Subnet subnet) {
        Xml network = Xml.element("network").add(Xml.element("name", spec.name()));
        switch (spec.kind()) {
            case BRIDGE -> network.add(Xml.element("forward").attr("mode", "bridge"),
                Xml.element("bridge").attr("name", spec.hostInterface()));
            case NAT, ISOLATED -> network.add(
                spec.kind() == NetworkKind.NAT ? Xml.element("forward").attr("mode", "nat") : null,
                Xml.element("bridge").attr("stp", "on").attr("delay", 0),
                Xml.element("ip").attr("address", subnet.gateway()).attr("prefix", subnet.prefix()).add(
                    Xml.element("dhcp").add(Xml.element("range").attr("start", subnet.first()).attr("end", subnet.last()))));
            default -> throw new IllegalArgumentException("cannot create a network of kind " + spec.kind().id());
        }
        return network.toString();
    }

    /** The spec's subnet, or the first 192.168.N.0/24 (N from 100) that no network of the host uses. */
    private Subnet subnet(Connect connect, NetworkSpec spec) throws LibvirtException {
        if (spec.ipv4() != null) {
            return Subnet.parse(spec.ipv4());
        }
        Set<String> used = new HashSet<>();
        for (NetworkInfo network : list(connect)) {
            if (network.ipv4() != null) {
                used.add(Subnet.parse(network.ipv4()).network());
            }
        }
        for (int third = 100; third < 255; third++) {
            Subnet candidate = Subnet.parse("192.168." + third + ".1/24");
            if (!used.contains(candidate.network())) {
                return candidate;
            }
        }
        throw new HyperLabException("every 192.168.100-254.0/24 subnet is taken on host " + host
            + "; give the network's address with --ipv4");
    }

    private static NetworkInfo info(Network network, XmlDoc xml) throws LibvirtException {
        String mode = xml.text("/network/forward/@mode");
        NetworkKind kind = mode == null ? NetworkKind.ISOLATED
            : switch (mode) {
                case "nat" -> NetworkKind.NAT;
                case "bridge" -> NetworkKind.BRIDGE;
                default -> NetworkKind.OTHER;
            };
        String bridge = xml.text("/network/bridge/@name");
        String address = xml.text("/network/ip[not(@family) or @family='ipv4']/@address");
        String ipv4 = null;
        if (address != null) {
            String prefix = xml.text("/network/ip[not(@family) or @family='ipv4']/@prefix");
            String netmask = xml.text("/network/ip[not(@family) or @family='ipv4']/@netmask");
            ipv4 = address + "/" + (prefix != null ? prefix : Subnet.prefixOf(netmask));
        }
        return new NetworkInfo(network.getName(), network.getUUIDString(), kind, bridge,
            kind == NetworkKind.BRIDGE ? bridge : null, ipv4, network.isActive() == 1);
    }

    private static List<String> names(Connect connect) throws LibvirtException {
        List<String> names = new ArrayList<>(List.of(connect.listNetworks()));
        names.addAll(List.of(connect.listDefinedNetworks()));
        names.sort(null);
        return names;
    }

    /** An XPath string literal of a name (names are ours: letters, digits, '.', '_', '-'). */
    static String quote(String name) {
        return "'" + name.replace("'", "") + "'";
    }
}
