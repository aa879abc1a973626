package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** VMs of a libvirt test-driver host: the list, power actions as setup tasks, a refused delete, the create wizard. */
class VmsScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    @BeforeAll
    static void setUp() throws Exception {
        lab.addLabHost();
    }

    private static ScreenDriver openVms() {
        ScreenDriver screen = lab.loggedIn();
        screen.select("Virtual Machines").waitFor("Hosts           1");
        screen.press(KeyType.Enter).waitFor("3 VMs on lab");
        return screen;
    }

    @Test
    void listsEachVmWithStateVcpusMemoryModeAndTools() {
        try (ScreenDriver screen = openVms()) {
            String text = screen.screen();
            assertTrue(screen.lineWith("web ").matches(".*web\\s+running\\s+2\\s+2\\.0 GiB\\s+HVM\\s+\\S+.*"), text);
            assertTrue(screen.lineWith("db ").matches(".*db\\s+off\\s+4\\s+4\\.0 GiB\\s+HVM.*"), text);
            assertTrue(screen.lineWith("legacy-pv").matches(".*legacy-pv\\s+\\S+\\s+1\\s+512 MiB\\s+PV.*"), text);
            assertTrue(text.contains("<S> Start") && text.contains("<F> Force off") && text.contains("<C> Create"), text);
        }
    }

    @Test
    void startForceOffWithF8AndARefusedDeleteOfARunningVm() {
        try (ScreenDriver screen = openVms()) {
            screen.type("s");
            screen.waitFor("start VM db on lab: succeeded. 3 VMs on lab");
            screen.press(KeyType.ArrowDown, 2).type("f").waitFor("Turn web off at once");
            screen.press(KeyType.F8);
            screen.waitFor("force off VM web on lab: succeeded. 3 VMs on lab");
            screen.press(KeyType.ArrowDown, 2).type("d").waitFor("Delete VM web and its disks?");
            screen.press(KeyType.F8);
            String text = screen.waitFor("Failed");
            assertTrue(text.contains("delete VM web on lab"), "the failure is shown:\n" + text);
            screen.press(KeyType.Enter).waitFor("delete VM web on lab: failed. 3 VMs on lab");
        }
    }

    @Test
    void createWizardChecksEachPageAndCreatesTheVm() {
        try (ScreenDriver screen = openVms()) {
            screen.type("c").waitFor("Create a VM (1 of 3): what");
            screen.press(KeyType.ArrowDown, 3).press(KeyType.Enter);
            screen.waitUntil(s -> screen.hasLine("Name:", "required"), "'required' beside Name");
            screen.press(KeyType.ArrowUp, 3).type("app").press(KeyType.ArrowDown, 3).press(KeyType.Enter);
            screen.waitFor("Create a VM (2 of 3): install ISO");
            assertTrue(screen.lineWith("ISO library:").contains("isos"), screen.screen());
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).waitFor("The installer in isos.");
            assertTrue(screen.lineWith("ISO image:").contains("debian-12.4.0-amd64"), screen.screen());
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).waitFor("Create a VM (3 of 3): size and place");

            screen.erase(1).type("0").press(KeyType.ArrowDown).erase(4).type("lots").press(KeyType.ArrowDown, 4).press(KeyType.Enter);
            String text = screen.waitFor("Correct the fields marked");
            assertTrue(screen.lineWith("vCPUs:").contains("out of range: use 1 to 256"), text);
            assertTrue(screen.lineWith("Memory:").contains("lots") && screen.lineWith("Memory:").contains("not a size"), text);
            assertTrue(screen.lineWith("Network:").contains("lab"), "the host's network is offered:\n" + text);

            screen.erase(1).type("2").press(KeyType.ArrowDown).erase(4).type("2GiB").press(KeyType.ArrowDown).erase(5).type("10GiB")
                .press(KeyType.ArrowDown).press(KeyType.Enter).press(KeyType.ArrowDown, 2).press(KeyType.Enter);
            screen.waitUntil(s -> screen.hasLine("Storage:", "vms"), "storage vms chosen");
            screen.press(KeyType.ArrowDown, 2).press(KeyType.Enter);
            screen.waitFor("create VM app on lab: succeeded. 3 VMs on lab");
        }
        String actions = lab.admin().get("api/v1/actions?host=lab").toString();
        assertTrue(actions.contains("vm create") || actions.contains("create"), actions);
        assertTrue(actions.contains("\"app\""), actions);
    }
}
