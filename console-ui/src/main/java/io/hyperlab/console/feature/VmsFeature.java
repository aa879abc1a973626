package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Pane;
import io.hyperlab.console.TableWindow;
import io.hyperlab.console.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual machines, per host: power state, vCPUs, memory, mode (PV/HVM), guest tools and
 * addresses; start, shut down, force off (F8) and delete (F8); and the create-VM wizard.
 */
final class VmsFeature implements Feature {
    @Override
    public MenuEntry entry() {
        return new MenuEntry("Virtual Machines", 50, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Virtual Machines").blank();
        JsonNode hosts = pane.item(console.hot().get(HostPicker.HOSTS), "the hosts");
        if (hosts == null) {
            return;
        }
        pane.field("Hosts", hosts.size());
        pane.blank().hint(hosts.isEmpty() ? "Add a host under Hypervisor Hosts first."
            : "Press <Enter> to pick a host and list its VMs: start, shut down, force off, delete, or create one.");
    }

    @Override
    public void activate(Console console) {
        HostPicker.pick(console, "Virtual Machines", host -> list(console, host, null));
    }

    /** The host's VMs in a table; each action runs as a setup task, then the list is read again, headed by how it ended. */
    static void list(Console console, JsonNode host, String outcome) {
        String name = host.path("name").asText();
        console.run("list the VMs of " + name, () -> console.client().get(HostPicker.path(host, "vms")), vms -> {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode vm : vms) {
                List<String> addresses = new ArrayList<>();
                vm.path("addresses").forEach(address -> addresses.add(address.asText()));
                rows.add(List.of(vm.path("name").asText(), vm.path("state").asText(), Integer.toString(vm.path("vcpus").asInt()),
                    Text.bytes(vm.path("memoryBytes").asLong()), vm.path("mode").asText().toUpperCase(java.util.Locale.ROOT),
                    vm.path("tools").asText(), addresses.isEmpty() ? "-" : String.join(" ", addresses)));
            }
            TableWindow window = new TableWindow(console, "VMs on " + name, (outcome == null ? "" : outcome + "\n")
                + vms.size() + (vms.size() == 1 ? " VM on " : " VMs on ") + HostPicker.describe(host),
                List.of("Name", "State", "vCPUs", "Memory", "Mode", "Tools", "Addresses"), rows, null, null);
            window.key('s', "Start", TableWindow.onRow(row -> power(console, window, host, vms.get(row), "start", false)));
            window.key('h', "Shut down", TableWindow.onRow(row -> power(console, window, host, vms.get(row), "stop", false)));
            window.key('f', "Force off", TableWindow.onRow(row -> power(console, window, host, vms.get(row), "force-off", true)));
            window.key('d', "Delete", TableWindow.onRow(row -> delete(console, window, host, vms.get(row))));
            window.key('c', "Create", row -> {
                window.close();
                CreateVmWizard.run(console, host);
            });
            window.show(console);
        });
    }

    private static void power(Console console, TableWindow window, JsonNode host, JsonNode vm, String action, boolean ask) {
        String name = vm.path("name").asText();
        if (ask && !console.confirm("Force off " + name, "Turn " + name + " off at once, as pulling the plug does? Unsaved data"
            + " in the VM is lost.")) {
            return;
        }
        console.run(action + " " + name, () -> console.client().post(HostPicker.path(host, "vms", name, action), null), task -> {
            window.close();
            SetupTasks.follow(console, task, ended -> list(console, host, SetupTasks.outcome(ended)));
        });
    }

    private static void delete(Console console, TableWindow window, JsonNode host, JsonNode vm) {
        String name = vm.path("name").asText();
        if (!console.confirm("Delete " + name, "Delete VM " + name + " and its disks? Its install ISO stays. This cannot be undone."
            + " The VM must be off.")) {
            return;
        }
        console.run("delete " + name, () -> console.client().delete(HostPicker.path(host, "vms", name) + "?withDisks=true"), task -> {
            window.close();
            SetupTasks.follow(console, task, ended -> list(console, host, SetupTasks.outcome(ended)));
        });
    }
}
