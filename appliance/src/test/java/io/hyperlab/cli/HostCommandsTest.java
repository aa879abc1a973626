package io.hyperlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host, vm, iso-library, network and actions commands against libvirt's test driver with
 * the fixture host (each command opens its own connection, so each sees the fixture afresh).
 */
class HostCommandsTest {
    private static final String PASSWORD = "never-print-me";

    @TempDir
    Path temp;

    private String fixture() throws Exception {
        return "test://" + Path.of(HostCommandsTest.class.getResource("/io/hyperlab/host/libvirt/lab-node.xml").toURI());
    }

    private Cli run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = temp.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    private JsonNode json(String... args) throws Exception {
        Cli cli = run(args);
        assertEquals(0, cli.exit(), cli.toString());
        return Json.MAPPER.readTree(cli.out());
    }

    @Test
    void everyHostCommandHasHelp() {
        Cli help = Cli.run("--help");
        for (String command : new String[] {"host", "vm", "iso-library", "network", "actions"}) {
            assertTrue(help.out().contains(command), help.toString());
        }
        for (String[] args : new String[][] {{"host", "add", "--help"}, {"host", "list", "--help"}, {"host", "info", "--help"},
            {"host", "preflight", "--help"}, {"host", "remove", "--help"}, {"vm", "list", "--help"}, {"vm", "create", "--help"},
            {"vm", "start", "--help"}, {"vm", "stop", "--help"}, {"vm", "delete", "--help"}, {"iso-library", "add", "--help"},
            {"iso-library", "list", "--help"}, {"iso-library", "isos", "--help"}, {"iso-library", "rescan", "--help"},
            {"network", "list", "--help"}, {"network", "create", "--help"}, {"actions", "--help"}}) {
            assertEquals(0, Cli.run(args).exit(), String.join(" ", args));
        }
        assertTrue(Cli.run("vm", "delete", "--help").out().contains("--with-disks"));
    }

    @Test
    void hostIsAddedListedInspectedCheckedAndRemoved() throws Exception {
        Path password = temp.resolve("password");
        Files.writeString(password, PASSWORD + "\n");
        Cli add = run("host", "add", "--name", "lab", "--uri", fixture(), "--user", "admin", "--password-file", password.toString());
        assertEquals(0, add.exit(), add.toString());
        assertTrue(add.out().startsWith("Added host lab (libvirt, test://"), add.out());

        JsonNode hosts = json("host", "list", "--json");
        assertEquals("lab", hosts.get(0).get("name").asText());
        assertTrue(hosts.get(0).get("passwordStored").asBoolean());
        assertTrue(run("host", "list").out().contains("lab   libvirt"), run("host", "list").out());

        JsonNode facts = json("host", "info", "lab", "--json");
        assertEquals(8, facts.at("/cpu/logicalCpus").asInt());
        assertTrue(run("host", "info", "lab").out().contains("4 core(s) x 2 thread(s) = 8 CPUs, 2200 MHz"));

        JsonNode preflight = json("host", "preflight", "lab", "--json");
        assertEquals("kvm", preflight.get("requirements_of").asText());
        assertEquals("unknown", preflight.get("overall").asText(), "the test driver does not tell about VT-x/AMD-V");
        assertTrue(run("host", "preflight", "lab").out().contains("network interface        pass     1000 Mbit/s"));

        JsonNode vms = json("vm", "list", "--host", "lab", "--json");
        assertEquals(3, vms.size());
        assertEquals("off", vms.get(0).get("state").asText());

        assertEquals(0, run("host", "remove", "lab").exit());
        assertEquals(0, json("host", "list", "--json").size());
        JsonNode actions = json("actions", "--json");
        assertEquals("host add", actions.get(0).get("action").asText());
        assertEquals("host remove", actions.get(1).get("action").asText());
        for (Cli cli : new Cli[] {run("actions", "--json"), run("host", "list", "--json"), add}) {
            assertFalse(cli.out().contains(PASSWORD) || cli.err().contains(PASSWORD), cli.toString());
        }
    }

    @Test
    void badHostInputIsRefusedAndNothingIsStored() throws Exception {
        assertRefused(2, "has the unknown scheme 'vmware'", "host", "add", "--name", "h", "--uri", "vmware://esx");
        assertRefused(2, "host name 'my host' is not allowed", "host", "add", "--name", "my host", "--uri", "qemu:///system");
        assertRefused(2, "cannot read the password file " + temp.resolve("none"), "host", "add", "--name", "h", "--uri", "xapi://x",
            "--password-file", temp.resolve("none").toString());
        assertRefused(2, "a fingerprint is for XenServer hosts", "host", "add", "--name", "h", "--uri", "qemu:///system",
            "--fingerprint", "ab".repeat(32));
        assertRefused(2, "Missing required option: '--uri=URI'", "host", "add", "--name", "h");
        assertRefused(1, "cannot reach libvirt at qemu+tcp://127.0.0.1:1/system for host far", "host", "add", "--name", "far",
            "--uri", "qemu+tcp://127.0.0.1:1/system");
        assertEquals(0, json("host", "list", "--json").size());
        JsonNode actions = json("actions", "--json");
        assertEquals(1, actions.size(), "only the add that reached the driver is logged");
        assertEquals("failed", actions.get(0).get("outcome").asText());
        assertRefused(1, "no host 'ghost' is stored", "vm", "list", "--host", "ghost");
        assertEquals(0, run("host", "add", "--name", "lab", "--uri", fixture()).exit());
        assertRefused(1, "a host named 'lab' is already stored", "host", "add", "--name", "lab", "--uri", "test:///default");
    }

    @Test
    void vmsNetworksAndIsoLibrariesAreManagedAndLogged() throws Exception {
        assertEquals(0, run("host", "add", "--name", "lab", "--uri", fixture()).exit());
        JsonNode made = json("vm", "create", "--host", "lab", "--name", "app", "--template", "debian12", "--iso-library", "isos",
            "--iso", "debian-12.4.0-amd64-netinst.iso", "--vcpus", "2", "--memory", "2GiB", "--disk", "10GiB", "--storage", "vms",
            "--network", "lab", "--boot", "uefi", "--json");
        assertEquals("app", made.get("name").asText());
        assertEquals(2L << 30, made.get("memoryBytes").asLong());
        assertEquals(0, run("vm", "start", "--host", "lab", "db").exit());
        assertEquals(0, run("vm", "stop", "--host", "lab", "web", "--force").exit());
        assertEquals(0, run("vm", "stop", "--host", "lab", "web", "--timeout", "5").exit());
        Cli delete = run("vm", "delete", "--host", "lab", "db", "--with-disks");
        assertEquals("Deleted VM db from host lab with its disks.\n", delete.out(), delete.toString());
        assertRefused(1, "VM 'web' on host lab is running; stop it first", "vm", "delete", "--host", "lab", "web");
        assertRefused(2, "asks for 64 vCPUs but host lab has 8 CPUs", "vm", "create", "--host", "lab", "--name", "big",
            "--template", "debian12", "--vcpus", "64", "--storage", "vms");
        assertRefused(1, "no ISO 'gone.iso' in library 'isos' on host lab", "vm", "create", "--host", "lab", "--name", "x",
            "--template", "debian12", "--iso-library", "isos", "--iso", "gone.iso", "--storage", "vms");
        assertRefused(2, "unknown size unit 'XB'", "vm", "create", "--host", "lab", "--name", "x", "--template", "debian12",
            "--memory", "2XB");
        assertRefused(2, "give the install ISO with both --iso-library and --iso", "vm", "create", "--host", "lab", "--name", "x",
            "--template", "debian12", "--iso", "a.iso");
        assertRefused(2, "unknown boot mode 'efi': use bios, uefi", "vm", "create", "--host", "lab", "--name", "x",
            "--template", "debian12", "--boot", "efi");

        JsonNode net = json("network", "create", "--host", "lab", "--name", "natted", "--kind", "nat", "--json");
        assertEquals("192.168.100.1/24", net.get("ipv4").asText());
        assertRefused(2, "a bridge network needs the host interface", "network", "create", "--host", "lab", "--name", "b",
            "--kind", "bridge");
        assertEquals("lab", json("network", "list", "--host", "lab", "--json").get(0).get("name").asText());
        assertRefused(1, "network 'lab' on host lab is used by VMs web", "network", "delete", "--host", "lab", "lab");

        Cli isos = run("iso-library", "isos", "--host", "lab", "isos");
        assertTrue(isos.out().contains("debian-12.4.0-amd64-netinst.iso  628.0 MiB"), isos.toString());
        assertEquals(1, json("iso-library", "rescan", "--host", "lab", "isos", "--json").size());
        assertEquals(2, json("iso-library", "list", "--host", "lab", "--json").size());
        JsonNode library = json("iso-library", "add", "--host", "lab", "--name", "local", "--kind", "local", "--location", "/srv/isos",
            "--json");
        assertEquals("dir", library.get("type").asText());
        assertRefused(2, "is not a nfs location", "iso-library", "add", "--host", "lab", "--name", "n", "--kind", "nfs",
            "--location", "nas");

        JsonNode actions = json("actions", "--host", "lab", "--json");
        java.util.List<String> logged = new java.util.ArrayList<>();
        actions.forEach(action -> logged.add(action.get("action").asText() + " " + action.get("outcome").asText()));
        assertEquals(java.util.List.of("host add succeeded", "vm create succeeded", "vm start succeeded", "vm force-off succeeded",
            "vm stop succeeded", "vm delete succeeded", "vm delete failed", "vm create failed", "vm create failed",
            "network create succeeded", "network delete failed", "iso-library rescan succeeded", "iso-library add succeeded"), logged);
        assertTrue(run("actions").out().contains("VM 'web' on host lab is running; stop it first"));
    }

    private void assertRefused(int exit, String message, String... args) {
        Cli cli = run(args);
        assertEquals(exit, cli.exit(), cli.toString());
        assertTrue(cli.err().contains(message), "expected '" + message + "' in: " + cli);
    }
}
