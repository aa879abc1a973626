package io.hyperlab.host.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.BootMode;
import io.hyperlab.host.IsoImage;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.IsoRef;
import io.hyperlab.host.NetworkInfo;
import io.hyperlab.host.NetworkKind;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.Secret;
import io.hyperlab.host.StorageInfo;
import io.hyperlab.host.VmSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ISO libraries as ISO SRs over CIFS, NFS or a host folder, and networks (internal, VLAN on a NIC). */
class XapiStorageAndNetworksTest {
    static final String CIFS = "//files.lab/isos";

    @RegisterExtension
    static final XapiLab LAB = new XapiLab(lab -> {
        lab.server().addShare(CIFS, "cifs", "labuser", "s3cret", "debian-12.iso", "readme.txt");
        lab.server().addShare("nas.lab:/export/isos", "nfs_iso", null, null, "alpine-3.20.iso");
        lab.server().addShare("/var/opt/isos", "local", null, null, "win10.iso");
    }, true);

    static IsoLibrarySpec cifs(String name, String password) {
        return new IsoLibrarySpec(name, IsoLibraryKind.CIFS, CIFS, "labuser", Secret.fromInput(password));
    }

    @Test
    void cifsLibraryKeepsThePasswordInASecretAndListsOnlyIsos() {
        StorageInfo library = LAB.driver().createIsoLibrary(cifs("smb-isos", "s3cret"));
        assertEquals(new StorageInfo("smb-isos", library.id(), "iso", CIFS, library.capacityBytes(), library.freeBytes(), true, true), library);
        JsonNode config = LAB.server().find("PBD", "SR", LAB.server().ref("SR", "uuid", library.id())).get(0).path("device_config");
        assertEquals("cifs", config.path("type").asText());
        assertEquals("labuser", config.path("username").asText());
        assertFalse(config.has("cifspassword"), "the password is not in the SR's device config");
        assertEquals("s3cret", LAB.server().find("secret", "uuid", config.path("cifspassword_secret").asText()).get(0).path("value").asText());
        assertEquals(List.of("debian-12.iso"), LAB.driver().listIsos("smb-isos").stream().map(IsoImage::name).toList());
        assertTrue(LAB.driver().listIsoLibraries().contains(library));

        Map<String, Integer> before = LAB.server().census();
        LAB.driver().deleteIsoLibrary("smb-isos");
        Map<String, Integer> after = LAB.server().census();
        assertEquals(before.get("SR") - 1, after.get("SR"));
        assertEquals(before.get("secret") - 1, after.getOrDefault("secret", 0), "the password's secret went with the library");
        assertTrue(LAB.server().find("PBD", "device_config", CIFS).isEmpty());
    }

    @Test
    void wrongSharePasswordSaysPermissionDeniedAndLeavesNoSecret() {
        Map<String, Integer> before = LAB.server().census();
        HyperLabException e = assertThrows(HyperLabException.class, () -> LAB.driver().createIsoLibrary(cifs("smb-wrong", "guess")));
        assertTrue(e.getMessage().contains("could not mount //files.lab/isos") && e.getMessage().contains("Permission denied"),
            e.getMessage());
        assertEquals(before, LAB.server().census());
    }

    @Test
    void rescanFindsIsosCopiedToTheShareAfterwards() {
        LAB.driver().createIsoLibrary(new IsoLibrarySpec("nfs-isos", IsoLibraryKind.NFS, "nas.lab:/export/isos", null, null));
        assertEquals(List.of("alpine-3.20.iso"), LAB.driver().listIsos("nfs-isos").stream().map(IsoImage::name).toList());
        LAB.server().addFileToShare("nas.lab:/export/isos", "debian-12.iso");
        assertEquals(List.of("alpine-3.20.iso"), LAB.driver().listIsos("nfs-isos").stream().map(IsoImage::name).toList(),
            "without a scan XAPI does not know the new file");
        List<IsoImage> rescanned = LAB.driver().rescanIsoLibrary("nfs-isos");
        assertEquals(List.of("alpine-3.20.iso", "debian-12.iso"), rescanned.stream().map(IsoImage::name).toList());
        assertTrue(rescanned.get(0).sizeBytes() > 0);
        LAB.driver().deleteIsoLibrary("nfs-isos");
    }

    @Test
    void hostFolderLibraryWorksLikeAShare() {
        LAB.driver().createIsoLibrary(new IsoLibrarySpec("local-isos", IsoLibraryKind.LOCAL, "/var/opt/isos", null, null));
        assertEquals(List.of("win10.iso"), LAB.driver().listIsos("local-isos").stream().map(IsoImage::name).toList());
        LAB.driver().deleteIsoLibrary("local-isos");
    }

    @Test
    void libraryWhoseIsoIsInACdDriveCannotGoAndTheHostsOwnLibrariesNever() {
        LAB.driver().createIsoLibrary(new IsoLibrarySpec("busy-isos", IsoLibraryKind.NFS, "nas.lab:/export/isos", null, null));
        LAB.driver().createVm(new VmSpec("lab-cd", "Other install media", new IsoRef("busy-isos", "alpine-3.20.iso"), BootMode.BIOS, null, 1,
            512L << 20, 8L << 30, null, null));
        ConflictException busy = assertThrows(ConflictException.class, () -> LAB.driver().deleteIsoLibrary("busy-isos"));
        assertTrue(busy.getMessage().contains("is in a VM's CD drive"), busy.getMessage());
        LAB.driver().deleteVm("lab-cd", true);
        LAB.driver().deleteIsoLibrary("busy-isos");
        InvalidInputException tools = assertThrows(InvalidInputException.class, () -> LAB.driver().deleteIsoLibrary("XCP-ng Tools"));
        assertTrue(tools.getMessage().contains("guest tools"), tools.getMessage());
        assertThrows(NotFoundException.class, () -> LAB.driver().listIsos("Local storage"), "an SR of VM disks is no ISO library");
    }

    @Test
    void existingLibraryNameIsRefused() {
        IsoLibrarySpec spec = new IsoLibrarySpec("twice-isos", IsoLibraryKind.NFS, "nas.lab:/export/isos", null, null);
        LAB.driver().createIsoLibrary(spec);
        ConflictException e = assertThrows(ConflictException.class, () -> LAB.driver().createIsoLibrary(spec));
        assertEquals("host 'xcp1' already has storage named 'twice-isos': choose another name", e.getMessage());
        LAB.driver().deleteIsoLibrary("twice-isos");
    }

    @Test
    void networksAreListedWithTheirNicsAndWithoutTheInternalManagementNetwork() {
        List<NetworkInfo> networks = LAB.driver().listNetworks().stream().filter(n -> n.name().startsWith("Pool-wide")).toList();
        assertEquals(List.of(
            new NetworkInfo("Pool-wide network associated with eth0", networks.get(0).id(), NetworkKind.BRIDGE, "xenbr0", "eth0", null, true),
            new NetworkInfo("Pool-wide network associated with eth1", networks.get(1).id(), NetworkKind.BRIDGE, "xenbr1", "eth1", null, true)),
            networks);
        assertTrue(LAB.driver().listNetworks().stream().noneMatch(n -> n.bridge().equals("xenapi")));
    }

    @Test
    void internalNetworkIsCreatedAndRemoved() {
        NetworkInfo internal = LAB.driver().createNetwork(new NetworkSpec("lab-internal", NetworkKind.ISOLATED, null, null, null));
        assertEquals(NetworkKind.ISOLATED, internal.kind());
        assertTrue(LAB.driver().listNetworks().contains(internal));
        LAB.driver().deleteNetwork("lab-internal");
        assertTrue(LAB.server().find("network", "name_label", "lab-internal").isEmpty());
    }

    @Test
    void vlanOnANicIsANetworkThatGoesWithItsVlan() {
        Map<String, Integer> before = LAB.server().census();
        NetworkInfo vlan = LAB.driver().createNetwork(new NetworkSpec("lab-vlan20", NetworkKind.BRIDGE, "eth1", null, 20));
        assertEquals(NetworkKind.BRIDGE, vlan.kind());
        assertEquals("eth1.20", vlan.hostInterface());
        assertEquals(20, LAB.server().find("VLAN", "tag", "20").get(0).path("tag").asLong());
        ConflictException twice = assertThrows(ConflictException.class,
            () -> LAB.driver().createNetwork(new NetworkSpec("lab-vlan20b", NetworkKind.BRIDGE, "eth1", null, 20)));
        assertTrue(twice.getMessage().contains("already has VLAN 20"), twice.getMessage());
        LAB.driver().deleteNetwork("lab-vlan20");
        assertEquals(before, LAB.server().census());
    }

    @Test
    void networksXenServerCannotMakeAreRefusedWithTheWayItCan() {
        InvalidInputException nat = assertThrows(InvalidInputException.class,
            () -> LAB.driver().createNetwork(new NetworkSpec("lab-nat", NetworkKind.NAT, null, null, null)));
        assertTrue(nat.getMessage().contains("no NAT networks"), nat.getMessage());
        ConflictException untagged = assertThrows(ConflictException.class,
            () -> LAB.driver().createNetwork(new NetworkSpec("lab-eth0", NetworkKind.BRIDGE, "eth0", null, null)));
        assertTrue(untagged.getMessage().contains("already carries network 'Pool-wide network associated with eth0'"), untagged.getMessage());
        NotFoundException nic = assertThrows(NotFoundException.class,
            () -> LAB.driver().createNetwork(new NetworkSpec("lab-eth7", NetworkKind.BRIDGE, "eth7", null, 7)));
        assertEquals("host 'xcp1' has no NIC 'eth7'; it has eth0, eth1", nic.getMessage());
        assertTrue(LAB.server().find("network", "name_label", "lab-nat").isEmpty());
    }

    @Test
    void networkInUseOrOfANicIsNotRemoved() {
        ConflictException used = assertThrows(ConflictException.class, () -> LAB.driver().deleteNetwork("Pool-wide network associated with eth0"));
        assertTrue(used.getMessage().contains("is used by VM(s) web01"), used.getMessage());
        InvalidInputException nic = assertThrows(InvalidInputException.class,
            () -> LAB.driver().deleteNetwork("Pool-wide network associated with eth1"));
        assertTrue(nic.getMessage().contains("NIC eth1"), nic.getMessage());
    }
}
