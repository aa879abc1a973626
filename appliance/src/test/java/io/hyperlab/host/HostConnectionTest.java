package io.hyperlab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import org.junit.jupiter.api.Test;

/** Which URIs make which kind of connection, and that a password never shows. */
class HostConnectionTest {
    private static final String FP = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @Test
    void uriSchemeChoosesTheKind() {
        for (String uri : new String[] {"qemu:///system", "qemu:///session", "qemu+ssh://root@kvm1/system",
            "qemu+tcp://10.0.0.5/system", "qemu+unix:///system?socket=/tmp/s", "test:///default", "test:///srv/node.xml", "xen:///system"}) {
            assertEquals(HostKind.LIBVIRT, HostConnection.of("h", uri, null, null, null).kind(), uri);
        }
        for (String uri : new String[] {"xapi://xen1", "https://xen1:8443", "https://192.168.1.10/", "xapi://xen1/jsonrpc"}) {
            assertEquals(HostKind.XAPI, HostConnection.of("h", uri, "root", null, null).kind(), uri);
        }
    }

    @Test
    void badUrisAreRefusedWithTheFormsAllowed() {
        assertRefused("has the unknown scheme 'vmware': use qemu:///system", "vmware://esx1");
        assertRefused("has no scheme", "kvm1");
        assertRefused("uses plain http, which would send the password unencrypted", "http://xen1");
        assertRefused("must end in /system (the host's VMs) or /session", "qemu:///");
        assertRefused("names no host: write qemu+ssh://[user@]host/system", "qemu+ssh:///system");
        assertRefused("names no host: write xapi://host[:port]", "https:///");
        assertRefused("holds a user: give it with --user", "https://root@xen1");
        assertRefused("must be only a host and port", "https://xen1/api?x=1");
        assertRefused("is not a URI", "qemu:// /system");
        assertRefused("the host URI must not be empty", " ");
    }

    @Test
    void namesUsersAndFingerprintsAreChecked() {
        InvalidInputException name = assertThrows(InvalidInputException.class, () -> HostConnection.of("my host", "qemu:///system", null, null, null));
        assertEquals("host name 'my host' is not allowed: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            name.getMessage());
        assertThrows(InvalidInputException.class, () -> HostConnection.of("h", "xapi://x", "ro\not", null, null));
        InvalidInputException fp = assertThrows(InvalidInputException.class,
            () -> HostConnection.of("h", "qemu:///system", null, null, Fingerprint.parse(FP)));
        assertTrue(fp.getMessage().startsWith("a fingerprint is for XenServer hosts"), fp.getMessage());
    }

    @Test
    void fingerprintsAreReadAsUsersPasteThem() {
        String bare = FP.replace(":", "").toLowerCase();
        assertEquals(FP, Fingerprint.parse(bare).sha256());
        assertEquals(FP, Fingerprint.parse("SHA256:" + FP).sha256());
        assertEquals(FP, Fingerprint.parse(" " + FP.replace(":", " ") + " ").sha256());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Fingerprint.parse("AB:CD"));
        assertTrue(e.getMessage().contains("is not a SHA-256 fingerprint: give 64 hex digits"), e.getMessage());
        assertEquals(64 + 31, Fingerprint.ofCertificate(new byte[] {1, 2, 3}).sha256().length());
    }

    @Test
    void passwordNeverShowsInTextOrJson() throws Exception {
        HostConnection host = HostConnection.of("xen1", "xapi://xen1", "root", Secret.fromInput("pa55'<w>\n"), Fingerprint.parse(FP));
        assertEquals("pa55'<w>", new String(host.password().reveal()), "one trailing line end is dropped");
        assertFalse(host.toString().contains("pa55"), host.toString());
        String json = Json.MAPPER.writeValueAsString(host);
        assertFalse(json.contains("pa55") || json.contains("password"), json);
        assertTrue(json.contains("\"fingerprint\":\"" + FP + "\""), json);
        assertTrue(json.contains("\"kind\":\"xapi\""), json);
        assertEquals("********", Json.MAPPER.writeValueAsString(host.password()).replace("\"", ""));
        assertNull(HostConnection.of("k", "qemu:///system", null, null, null).password());
    }

    @Test
    void untrustedCertificateSaysWhatToCheckAndHowToConfirm() {
        Fingerprint seen = Fingerprint.parse("11".repeat(32));
        UntrustedCertificateException first = new UntrustedCertificateException("xen1.lab", seen, null);
        assertTrue(first.getMessage().startsWith("the TLS certificate of xen1.lab is not trusted yet; its SHA-256 fingerprint is 11:11:"),
            first.getMessage());
        assertTrue(first.getMessage().endsWith("confirm it with --fingerprint " + seen), first.getMessage());
        UntrustedCertificateException changed = new UntrustedCertificateException("xen1.lab", seen, Fingerprint.parse(FP));
        assertTrue(changed.getMessage().contains("CHANGED: expected SHA-256 " + FP + " but the host presented " + seen),
            changed.getMessage());
        assertEquals(Fingerprint.parse(FP), changed.pinned());
        UntrustedCertificateException advised = new UntrustedCertificateException("xen0.lab", seen, Fingerprint.parse(FP),
            "xen1.lab is a pool member: add its coordinator xen0.lab instead");
        assertEquals("the TLS certificate of xen0.lab is not the one pinned (" + FP + "); it presented SHA-256 " + seen
            + ". Nothing was sent. xen1.lab is a pool member: add its coordinator xen0.lab instead", advised.getMessage());
    }

    private static void assertRefused(String message, String uri) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> HostConnection.of("h", uri, null, null, null));
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
    }
}
