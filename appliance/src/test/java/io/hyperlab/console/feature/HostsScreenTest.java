package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import io.hyperlab.host.xapi.server.LabHost;
import io.hyperlab.host.xapi.server.XapiTestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hypervisor hosts on libvirt's test driver: add (with bad input first), facts, preflight, remove;
 * and a XenServer host (the strict XAPI test server over HTTPS) whose certificate is confirmed on first contact.
 */
class HostsScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    private static ScreenDriver openHosts() {
        ScreenDriver screen = lab.loggedIn();
        screen.select("Hypervisor Hosts").waitFor("Press <Enter> to add a host");
        return screen;
    }

    @Test
    void addsAHostAfterRefusingBadInputThenShowsFactsPreflightAndRemovesIt() {
        try (ScreenDriver screen = openHosts()) {
            screen.press(KeyType.Enter).waitFor("Add a host");
            screen.press(KeyType.Enter).waitFor("Address or URI:");
            screen.type("bad name!").press(KeyType.ArrowDown, 6).press(KeyType.Enter);
            String text = screen.waitFor("Correct the fields marked");
            assertTrue(screen.lineWith("Name:").contains("bad name!") && screen.lineWith("Name:").contains("use 1 to 64 letters"), text);
            assertTrue(screen.lineWith("Address or URI:").contains("required"), text);

            screen.erase(9).type("lab").press(KeyType.ArrowDown, 2).type("vmware://esx.lab").press(KeyType.ArrowDown, 4)
                .press(KeyType.Enter);
            screen.waitFor("has the unknown scheme 'vmware'");
            assertFalse(lab.admin().get("api/v1/hosts").toString().contains("xen2"), "nothing stored after a refusal");

            screen.press(KeyType.ArrowUp, 4).erase(16).type(ConsoleLab.labHostUri()).press(KeyType.ArrowDown, 4).press(KeyType.Enter);
            text = screen.waitFor("lab: TEST");
            assertTrue(text.contains("8 logical CPUs") && text.contains("16.0 GiB") && text.contains("isos"), "the new host's facts:\n" + text);
            screen.press(KeyType.Escape).waitFor("│lab   libvirt");

            screen.press(KeyType.Enter).waitFor("Add a host");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).waitFor("Preflight report");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter);
            text = screen.waitFor("Overall");
            assertTrue(text.contains("Preflight: lab"), text);
            assertTrue(text.matches("(?s).*(pass|fail|unknown)\\s+.*"), text);
            screen.press(KeyType.Escape);

            screen.press(KeyType.Enter).waitFor("Add a host");
            screen.press(KeyType.ArrowDown).press(KeyType.Enter).waitFor("Preflight report");
            screen.press(KeyType.ArrowDown, 2).press(KeyType.Enter).waitFor("Forget host lab?");
            screen.press(KeyType.F8).waitFor("Host lab removed.");
        }
        JsonNode hosts = lab.admin().get("api/v1/hosts");
        assertEquals(0, hosts.size(), hosts.toString());
        assertFalse(lab.admin().get("api/v1/actions?host=lab").toString().isEmpty());
    }

    @Test
    void addressesWithoutASchemeBecomeTheKindsUri() {
        assertEquals("xapi://xen1.lab", HostsFeature.uri("xapi", "xen1.lab", "root"));
        assertEquals("qemu+ssh://root@kvm1.lab/system", HostsFeature.uri("libvirt", "kvm1.lab", "root"));
        assertEquals("qemu:///system", HostsFeature.uri("libvirt", "qemu:///system", ""));
    }

    @Test
    void aXenServersCertificateIsShownToConfirmOnFirstContactThenTrusted() {
        Vertx vertx = Vertx.vertx();
        XapiTestServer xen = XapiTestServer.start(vertx, LabHost.standard("127.0.0.1"), 0, "root", "xen-secret");
        try (ScreenDriver screen = openHosts()) {
            String seen = xen.fingerprint().sha256();
            screen.press(KeyType.Enter).waitFor("Add a host");
            screen.press(KeyType.Enter).waitFor("Address or URI:");
            screen.type("xen1").press(KeyType.ArrowDown, 2).type(xen.uri().toString()).press(KeyType.ArrowDown, 2).type("xen-secret")
                .press(KeyType.ArrowDown, 2).press(KeyType.Enter);
            String text = screen.waitFor("Confirm the host's certificate");
            assertTrue(text.contains(seen.substring(0, 47)), "the fingerprint the host presented:\n" + text);
            screen.press(KeyType.F8);
            text = screen.waitFor("xen1: ");
            assertTrue(text.contains("XCP-ng") && text.contains("logical"), "the new host's facts:\n" + text);
            screen.press(KeyType.Escape);
            JsonNode hosts = lab.admin().get("api/v1/hosts");
            JsonNode xen1 = null;
            for (JsonNode host : hosts) {
                if (host.path("name").asText().equals("xen1")) {
                    xen1 = host;
                }
            }
            assertTrue(xen1 != null && xen1.path("fingerprint").asText().equals(seen), "xen1 stored with the confirmed fingerprint: " + hosts);
            lab.admin().delete("api/v1/hosts/xen1");
        } finally {
            xen.close();
            vertx.close().await();
        }
    }

    @Test
    void aFingerprintTypedThatTheHostDoesNotPresentIsRefusedBesideItsField() {
        Vertx vertx = Vertx.vertx();
        XapiTestServer xen = XapiTestServer.start(vertx, LabHost.standard("127.0.0.1"), 0, "root", "xen-secret");
        try (ScreenDriver screen = openHosts()) {
            screen.press(KeyType.Enter).waitFor("Add a host");
            screen.press(KeyType.Enter).waitFor("Address or URI:");
            String typed = "AB".repeat(32);
            screen.type("xen2").press(KeyType.ArrowDown, 2).type(xen.uri().toString()).press(KeyType.ArrowDown, 2).type("xen-secret")
                .press(KeyType.ArrowDown).type(typed).press(KeyType.ArrowDown).press(KeyType.Enter);
            String text = screen.waitFor("Not done: see the field marked.");
            assertTrue(screen.lineWith("TLS SHA-256:").contains("not the host's: it presents"), text);
            assertTrue(text.contains(xen.fingerprint().sha256().substring(0, 20)), "the fingerprint seen:\n" + text);
            assertFalse(text.contains("Confirm the host's certificate"), "a fingerprint the user typed is never replaced by the one seen");
            assertTrue(screen.lineWith("Name:").contains("xen2"), "what was typed stays:\n" + text);
            assertFalse(lab.admin().get("api/v1/hosts").toString().contains("xen2"), "nothing stored after a refusal");
        } finally {
            xen.close();
            vertx.close().await();
        }
    }
}
