package io.hyperlab.cli;

import io.hyperlab.host.HostDriver;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NetworkKind;
import io.hyperlab.host.NetworkSpec;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hyperlab network list|create|delete --host NAME}: a host's virtual networks. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "List, create and delete networks on a host.",
    subcommands = {NetworkCommand.ListNetworks.class, NetworkCommand.Create.class, NetworkCommand.Delete.class})
final class NetworkCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the host's networks.")
    static final class ListNetworks extends VmCommand.OnHost {
        @Override
        void run(HostAccess access) {
            List<NetworkInfo> networks;
            try (HostDriver driver = access.driver(host)) {
                networks = driver.listNetworks();
            }
            print(networks, networks.isEmpty() ? "Host " + host + " has no networks." : table(networks).render(""));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a network: nat or isolated (libvirt; XenServer: internal), or bridge to a host interface.")
    static final class Create extends VmCommand.OnHost {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The network's name.")
        String name;
        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "nat, isolated (internal) or bridge.")
        String kind;
        @Option(names = "--interface", paramLabel = "IF", description = "bridge: the host interface (libvirt: a bridge such as br0; XenServer: eth0).")
        String hostInterface;
        @Option(names = "--ipv4", paramLabel = "ADDR/PREFIX", description = "nat/isolated: the gateway address, e.g. 192.168.150.1/24 (default: a free /24).")
        String ipv4;
        @Option(names = "--vlan", paramLabel = "TAG", description = "bridge on XenServer: a VLAN tag, 0 to 4094.")
        Integer vlan;

        @Override
        void run(HostAccess access) {
            NetworkSpec network = new NetworkSpec(name, NetworkKind.parse(kind), hostInterface, ipv4, vlan);
            NetworkInfo made;
            try (HostDriver driver = access.driver(host)) {
                made = driver.createNetwork(network);
            }
            print(made, "Created network " + made.name() + " (" + made.kind().id() + (made.ipv4() == null ? "" : ", " + made.ipv4())
                + (made.bridge() == null ? "" : ", bridge " + made.bridge()) + ") on host " + host + ".");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a network no VM uses.")
    static final class Delete extends VmCommand.OnHost {
        @Parameters(paramLabel = "NETWORK", description = "The network.")
        String network;

        @Override
        void run(HostAccess access) {
            try (HostDriver driver = access.driver(host)) {
                driver.deleteNetwork(network);
            }
            print(Map.of("deleted", network), "Deleted network " + network + " from host " + host + ".");
        }
    }

    static Table table(List<NetworkInfo> networks) {
        Table table = new Table("Network", "Kind", "IPv4", "Bridge", "Active");
        for (NetworkInfo network : networks) {
            table.add(network.name(), network.kind().id(), network.ipv4(), network.bridge(), network.active() ? "yes" : "no");
        }
        return table;
    }
}
