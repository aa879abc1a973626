package io.hyperlab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** An invalid VM, ISO library or network spec cannot be made; each refusal names the field and what is allowed. */
class SpecsTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @Test
    void vmSpecChecksEveryField() {
        VmSpec ok = vm("web-1", 2, GIB, 20 * GIB);
        assertEquals(BootMode.BIOS, new VmSpec("a", "debian12", null, null, null, 1, GIB, GIB, null, null).bootMode());
        assertEquals("web-1", ok.name());
        refused("VM name 'web 1' is not allowed", () -> vm("web 1", 1, GIB, GIB));
        refused("VM name must not be empty", () -> vm("", 1, GIB, GIB));
        refused("VM name '-x' is not allowed", () -> vm("-x", 1, GIB, GIB));
        refused("vCPUs must be from 1 to 256, not 0", () -> vm("a", 0, GIB, GIB));
        refused("vCPUs must be from 1 to 256, not 257", () -> vm("a", 257, GIB, GIB));
        refused("memory must be from 32.0 MiB to 16384.0 GiB, not 16.0 MiB", () -> vm("a", 1, 16 * MIB, GIB));
        refused("memory must be a whole number of MiB, not 1073741825 bytes", () -> vm("a", 1, GIB + 1, GIB));
        refused("disk size must be from 1.0 MiB to 65536.0 GiB, not 0 B", () -> vm("a", 1, GIB, 0));
        refused("template must not be empty", () -> new VmSpec("a", " ", null, null, null, 1, GIB, GIB, null, null));
        refused("ISO name 'a/b.iso' must be a file name", () -> new IsoRef("isos", "a/b.iso"));
        refused("ISO library must not be empty", () -> new IsoRef("", "a.iso"));
        refused("unknown boot mode 'efi': use bios, uefi", () -> BootMode.parse("efi"));
        assertEquals(BootMode.UEFI, BootMode.parse("UEFI"));
        refused("network '?' must not hold control characters",
            () -> new VmSpec("a", "t", null, null, null, 1, GIB, GIB, null, "\u0007"));
    }

    @Test
    void networkSpecKnowsWhatEachKindNeeds() {
        assertEquals(NetworkKind.ISOLATED, NetworkKind.parse("internal"));
        assertEquals(NetworkKind.BRIDGE, NetworkKind.parse("external"));
        refused("unknown network kind 'wan': use nat, isolated, bridge, other", () -> NetworkKind.parse("wan"));
        refused("the network kind must be nat, isolated", () -> new NetworkSpec("n", NetworkKind.OTHER, null, null, null));
        refused("a bridge network needs the host interface to bridge to (e.g. br0, eth0): none was given",
            () -> new NetworkSpec("n", NetworkKind.BRIDGE, null, null, null));
        refused("'br0;reboot' is not an interface name", () -> new NetworkSpec("n", NetworkKind.BRIDGE, "br0;reboot", null, null));
        refused("a nat network has no host interface", () -> new NetworkSpec("n", NetworkKind.NAT, "eth0", null, null));
        refused("a bridge network takes its addresses from the host's LAN", () -> new NetworkSpec("n", NetworkKind.BRIDGE, "br0", "10.0.0.1/24", null));
        refused("a VLAN tag needs a bridge network", () -> new NetworkSpec("n", NetworkKind.NAT, null, null, 5));
        refused("VLAN tag must be from 0 to 4094, not 4095", () -> new NetworkSpec("n", NetworkKind.BRIDGE, "eth0", null, 4095));
        refused("IPv4 address '10.0.0.1' is not an address/prefix", () -> new NetworkSpec("n", NetworkKind.NAT, null, "10.0.0.1", null));
        refused("has the octet 300", () -> new NetworkSpec("n", NetworkKind.NAT, null, "10.0.300.1/24", null));
        refused("IPv4 prefix /31", () -> new NetworkSpec("n", NetworkKind.NAT, null, "10.0.0.1/31", null));
        refused("is the network's own address", () -> new NetworkSpec("n", NetworkKind.NAT, null, "10.0.0.0/24", null));
        refused("is the network's broadcast address", () -> new NetworkSpec("n", NetworkKind.ISOLATED, null, "10.0.0.255/24", null));
        assertEquals("192.168.150.1/24", new NetworkSpec("n", NetworkKind.NAT, null, "192.168.150.1/24", null).ipv4());
    }

    @Test
    void isoLibrarySpecChecksLocationsAndKeepsThePasswordOut() throws Exception {
        IsoLibrarySpec cifs = new IsoLibrarySpec("isos", IsoLibraryKind.parse("smb"), "\\\\nas\\isos", "lab",
            Secret.fromInput("pa55"));
        assertEquals("//nas/isos", cifs.location());
        assertEquals(new IsoLibrarySpec.Share("nas", "isos"), cifs.share());
        assertEquals(new IsoLibrarySpec.Share("nas", "/export/isos"),
            new IsoLibrarySpec("n", IsoLibraryKind.NFS, "nas:/export/isos", null, null).share());
        assertFalse(cifs.toString().contains("pa55"));
        String json = Json.MAPPER.writeValueAsString(cifs);
        assertFalse(json.contains("pa55") || json.contains("password"), json);
        refused("'nas/isos' is not a nfs location: write server:/exported/path",
            () -> new IsoLibrarySpec("n", IsoLibraryKind.NFS, "nas/isos", null, null));
        refused("is not a cifs location: write //server/share", () -> new IsoLibrarySpec("n", IsoLibraryKind.CIFS, "//nas", null, null));
        refused("is not a local location: write an absolute folder path", () -> new IsoLibrarySpec("n", IsoLibraryKind.LOCAL, "isos", null, null));
        refused("is not a local location", () -> new IsoLibrarySpec("n", IsoLibraryKind.LOCAL, "/srv/../etc", null, null));
        refused("a user and password are for SMB/CIFS shares only, not nfs libraries",
            () -> new IsoLibrarySpec("n", IsoLibraryKind.NFS, "nas:/isos", "u", null));
        refused("a share password needs the user it belongs to",
            () -> new IsoLibrarySpec("n", IsoLibraryKind.CIFS, "//nas/isos", null, Secret.fromInput("x")));
        refused("unknown ISO library kind 'ftp': use nfs, cifs, local", () -> IsoLibraryKind.parse("ftp"));
    }

    private static VmSpec vm(String name, int vcpus, long memory, long disk) {
        return new VmSpec(name, "debian12", null, BootMode.BIOS, null, vcpus, memory, disk, null, null);
    }

    private static void refused(String message, Executable make) {
        InvalidInputException e = assertThrows(InvalidInputException.class, make);
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }
}
