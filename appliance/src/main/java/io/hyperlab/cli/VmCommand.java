package io.hyperlab.cli;

import io.hyperlab.ByteSize;
import io.hyperlab.host.BootMode;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.IsoRef;
import io.hyperlab.host.VmInfo;
import io.hyperlab.host.VmSpec;
import io.hyperlab.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hyperlab vm list|create|start|stop|delete --host NAME}: the VMs of a stored host. */
@Command(name = "vm", mixinStandardHelpOptions = true, description = "List, create, start, stop and delete VMs on a host.",
    subcommands = {VmCommand.ListVms.class, VmCommand.Create.class, VmCommand.Start.class, VmCommand.Stop.class,
        VmCommand.Delete.class})
final class VmCommand {

    /** A command on one host's VMs. */
    abstract static class OnHost extends HostTask {
        @Option(names = "--host", required = true, paramLabel = "NAME", description = "The stored host.")
        String host;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the host's VMs (no templates, snapshots or dom0).")
    static final class ListVms extends OnHost {
        @Override
        void run(HostAccess access) {
            List<VmInfo> vms;
            try (HostDriver driver = access.driver(host)) {
                vms = driver.listVms();
            }
            Table table = new Table("Name", "State", ">vCPUs", ">Memory", "Mode", "Tools", "Addresses", "UUID");
            for (VmInfo vm : vms) {
                table.add(vm.name(), vm.state().id(), vm.vcpus(), ByteSize.format(vm.memoryBytes()), vm.mode().id(),
                    vm.tools().id() + (vm.toolsVersion() == null ? "" : " " + vm.toolsVersion()), String.join(" ", vm.addresses()), vm.uuid());
            }
            print(vms, vms.isEmpty() ? "Host " + host + " has no VMs." : table.render(""));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a VM (left off; start it with vm start).")
    static final class Create extends OnHost {
        @Option(names = "--name", required = true, paramLabel = "VM", description = "The VM's name.")
        String name;
        @Option(names = "--template", required = true, paramLabel = "TEMPLATE",
            description = "XenServer: a template's name (e.g. \"Debian Bookworm 12\"); libvirt: debian12, generic-linux or windows.")
        String template;
        @Option(names = "--iso-library", paramLabel = "LIBRARY", description = "The ISO library (SR or pool) of the install ISO.")
        String isoLibrary;
        @Option(names = "--iso", paramLabel = "ISO", description = "The install ISO's file name in that library.")
        String iso;
        @Option(names = "--boot", paramLabel = "MODE", defaultValue = "bios", description = "bios or uefi (default: ${DEFAULT-VALUE}).")
        String boot;
        @Option(names = "--home-host", paramLabel = "HOST", description = "XenServer: the pool member the VM prefers to start on.")
        String homeHost;
        @Option(names = "--vcpus", paramLabel = "N", defaultValue = "1", description = "Virtual CPUs (default: ${DEFAULT-VALUE}).")
        int vcpus;
        @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "1GiB", description = "Memory, e.g. 1GiB, 512MiB (default: ${DEFAULT-VALUE}).")
        String memory;
        @Option(names = "--disk", paramLabel = "SIZE", defaultValue = "20GiB", description = "Disk size (default: ${DEFAULT-VALUE}).")
        String disk;
        @Option(names = "--storage", paramLabel = "POOL", description = "Storage pool or SR for the disk (default: the host's default).")
        String storage;
        @Option(names = "--network", paramLabel = "NETWORK", description = "Network of the VM's NIC (default: no NIC).")
        String network;

        @Override
        void run(HostAccess access) {
            if ((isoLibrary == null) != (iso == null)) {
                throw new InvalidInputException("give the install ISO with both --iso-library and --iso, or neither");
            }
            VmSpec vm = new VmSpec(name, template, iso == null ? null : new IsoRef(isoLibrary, iso), BootMode.parse(boot), homeHost,
                vcpus, ByteSize.parse(memory), ByteSize.parse(disk), storage, network);
            VmInfo made;
            try (HostDriver driver = access.driver(host)) {
                made = driver.createVm(vm);
            }
            print(made, "Created VM " + made.name() + " (" + made.uuid() + ") on host " + host + ": " + made.vcpus() + " vCPU(s), "
                + ByteSize.format(made.memoryBytes()) + ". It is off; start it with: hyperlab vm start --host " + host + " " + made.name());
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a VM (by name or UUID).")
    static final class Start extends OnHost {
        @Parameters(paramLabel = "VM", description = "The VM's name or UUID.")
        String vm;

        @Override
        void run(HostAccess access) {
            try (HostDriver driver = access.driver(host)) {
                driver.startVm(vm);
            }
            print(Map.of("started", vm), "Started VM " + vm + " on host " + host + ".");
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Shut a VM down cleanly, or turn it off at once with --force.")
    static final class Stop extends OnHost {
        @Parameters(paramLabel = "VM", description = "The VM's name or UUID.")
        String vm;
        @Option(names = "--force", description = "Turn it off at once, as pulling the plug does.")
        boolean force;
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long a clean shutdown may take (default: ${DEFAULT-VALUE}).")
        int timeout;

        @Override
        void run(HostAccess access) {
            if (timeout < 1 || timeout > 3600) {
                throw new InvalidInputException("the shutdown timeout must be from 1 to 3600 seconds, not " + timeout);
            }
            try (HostDriver driver = access.driver(host)) {
                if (force) {
                    driver.forceOffVm(vm);
                } else {
                    driver.shutdownVm(vm, Duration.ofSeconds(timeout));
                }
            }
            print(Map.of("stopped", vm, "forced", force), (force ? "Turned off VM " : "Shut down VM ") + vm + " on host " + host + ".");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a VM that is off; its disks only with --with-disks.")
    static final class Delete extends OnHost {
        @Parameters(paramLabel = "VM", description = "The VM's name or UUID.")
        String vm;
        @Option(names = "--with-disks", description = "Delete its disks too (never its install ISO).")
        boolean withDisks;

        @Override
        void run(HostAccess access) {
            try (HostDriver driver = access.driver(host)) {
                driver.deleteVm(vm, withDisks);
            }
            print(Map.of("deleted", vm, "with_disks", withDisks), "Deleted VM " + vm + " from host " + host
                + (withDisks ? " with its disks." : "; its disks were kept."));
        }
    }
}
