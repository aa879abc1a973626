package io.hyperlab.host.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.host.BootMode;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.IsoRef;
import io.hyperlab.host.NetworkKind;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.Secret;
import io.hyperlab.host.VmSpec;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The XML HyperLab gives libvirt: the right devices, and user values that cannot change the markup. */
class XmlDocumentsTest {
    /** A legal ISO file name that would add attributes, elements and an entity if it were not escaped. */
    private static final String HOSTILE = "a' file='shadow' x='<b>&amp;\"";

    @Test
    void domainXmlHasTheDevicesAndEscapesTheIsoName() {
        VmSpec spec = new VmSpec("web", "windows", new IsoRef("isos", HOSTILE + ".iso"), BootMode.UEFI, null, 2, 2L << 30, 40L << 30,
            "vms", "lan");
        String xml = DomainXml.build(spec, OsProfile.of("windows"), new DomainXml.Target("kvm", "x86_64", "q35"),
            CpuChoice.DEFAULT, new DomainXml.Volume("vms", "web.qcow2"), new DomainXml.Volume("isos", HOSTILE + ".iso"));
        XmlDoc doc = XmlDoc.parse(xml);
        assertEquals(2, doc.all("/domain/devices/disk").size(), xml);
        assertFalse(doc.has("/domain/devices/disk/source/@file"), "the ISO name added no attribute:\n" + xml);
        assertEquals(HOSTILE + ".iso", doc.text("/domain/devices/disk[@device='cdrom']/source/@volume"));
        assertEquals("sata", doc.text("/domain/devices/disk[@device='disk']/target/@bus"), "Windows boots from SATA");
        assertEquals("e1000e", doc.text("/domain/devices/interface/model/@type"));
        assertEquals("efi", doc.text("/domain/os/@firmware"));
        assertEquals("no", doc.text("/domain/os/firmware/feature[@name='secure-boot']/@enabled"));
        assertEquals("localtime", doc.text("/domain/clock/@offset"));
        assertEquals("host-passthrough", doc.text("/domain/cpu/@mode"));
        assertEquals("2097152", doc.text("/domain/memory"));
        assertEquals("cdrom", doc.text("/domain/os/boot[1]/@dev"));
        assertEquals("127.0.0.1", doc.text("/domain/devices/graphics/@listen"));
    }

    @Test
    void linuxBiosVmWithoutIsoBootsFromDiskOnVirtio() {
        VmSpec spec = new VmSpec("db", "debian12", null, BootMode.BIOS, null, 1, 1L << 30, 8L << 30, null, null);
        XmlDoc doc = XmlDoc.parse(DomainXml.build(spec, OsProfile.of("debian12"), new DomainXml.Target("qemu", "x86_64", null),
            new CpuChoice("qemu64"), new DomainXml.Volume("default", "db.qcow2"), null));
        assertEquals("qemu", doc.text("/domain/@type"));
        assertFalse(doc.has("/domain/os/@firmware"));
        assertFalse(doc.has("/domain/os/type/@machine"));
        assertEquals("hd", doc.text("/domain/os/boot/@dev"));
        assertEquals("virtio", doc.text("/domain/devices/disk/target/@bus"));
        assertFalse(doc.has("/domain/devices/interface"));
        assertEquals("qemu64", doc.text("/domain/cpu/model"));
    }

    @Test
    void cifsPoolCarriesEscapedCredentialsAsMountOptions() {
        String password = "p'a\"s<s>&";
        XmlDoc doc = XmlDoc.parse(LibvirtStorage.xml(new IsoLibrarySpec("nas", IsoLibraryKind.CIFS, "//nas.lan/isos", "lab",
            Secret.fromInput(password))));
        assertEquals("netfs", doc.text("/pool/@type"));
        assertEquals("nas.lan", doc.text("/pool/source/host/@name"));
        assertEquals("isos", doc.text("/pool/source/dir/@path"));
        assertEquals("cifs", doc.text("/pool/source/format/@type"));
        assertEquals(3, doc.all("/pool/*[local-name()='mount_opts']/*").size());
        assertTrue(LibvirtStorage.xml(new IsoLibrarySpec("nas", IsoLibraryKind.CIFS, "//nas.lan/isos", "lab", Secret.fromInput(password)))
            .contains("name='password=p&apos;a&quot;s&lt;s&gt;&amp;'"));
        XmlDoc nfs = XmlDoc.parse(LibvirtStorage.xml(new IsoLibrarySpec("n", IsoLibraryKind.NFS, "nas:/export/isos", null, null)));
        assertEquals("nfs", nfs.text("/pool/source/format/@type"));
        assertEquals("/export/isos", nfs.text("/pool/source/dir/@path"));
        assertEquals(LibvirtStorage.MOUNT_ROOT + "/n", nfs.text("/pool/target/path"));
    }

    @Test
    void networksGetDhcpAroundTheGateway() {
        XmlDoc nat = XmlDoc.parse(LibvirtNetworks.xml(new NetworkSpec("n", NetworkKind.NAT, null, null, null),
            Subnet.parse("10.1.2.1/24")));
        assertEquals("nat", nat.text("/network/forward/@mode"));
        assertEquals("10.1.2.2", nat.text("/network/ip/dhcp/range/@start"));
        assertEquals("10.1.2.254", nat.text("/network/ip/dhcp/range/@end"));
        XmlDoc isolated = XmlDoc.parse(LibvirtNetworks.xml(new NetworkSpec("i", NetworkKind.ISOLATED, null, null, null),
            Subnet.parse("10.1.2.254/24")));
        assertFalse(isolated.has("/network/forward"));
        assertEquals("10.1.2.1", isolated.text("/network/ip/dhcp/range/@start"));
        assertEquals("10.1.2.253", isolated.text("/network/ip/dhcp/range/@end"));
        XmlDoc bridge = XmlDoc.parse(LibvirtNetworks.xml(new NetworkSpec("b", NetworkKind.BRIDGE, "br0", null, null), null));
        assertEquals("bridge", bridge.text("/network/forward/@mode"));
        assertEquals("br0", bridge.text("/network/bridge/@name"));
        assertEquals(24, Subnet.prefixOf("255.255.255.0"));
    }

    @Test
    void cpuParameterIsOursAndLeavesTheRestOfTheUri() {
        URI uri = URI.create("qemu+unix:///system?socket=/tmp/s&cpu=qemu64");
        assertEquals("qemu64", CpuChoice.of(uri).mode());
        assertEquals("qemu+unix:///system?socket=/tmp/s", CpuChoice.forLibvirt(uri).toString());
        assertEquals("qemu:///system", CpuChoice.forLibvirt(URI.create("qemu:///system?cpu=host-model")).toString());
        assertEquals(CpuChoice.DEFAULT, CpuChoice.of(URI.create("qemu:///system")));
    }
}
