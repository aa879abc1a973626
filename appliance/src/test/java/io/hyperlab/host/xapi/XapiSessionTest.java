package io.hyperlab.host.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.HostUnreachableException;
import io.hyperlab.host.UntrustedCertificateException;
import io.hyperlab.host.xapi.server.LabHost;
import io.hyperlab.host.xapi.server.XapiTestServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions against the strict server: login, re-login, pool redirects, TLS pinning, unreachable hosts. */
class XapiSessionTest {
    static final Fingerprint SOMEONE_ELSE = Fingerprint.parse("00".repeat(32));

    @RegisterExtension
    static final XapiLab LAB = new XapiLab(lab -> { }, false);

    static XapiSession.Settings settings(Fingerprint pin) {
        return new XapiSession.Settings(pin, "HyperLab test", Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    static XapiSession open(XapiTestServer host, String password, Fingerprint pin) {
        return XapiSession.open(LAB.vertx(), XapiEndpoint.of(host.uri()), "root", password.toCharArray(), settings(pin)).await();
    }

    @Test
    void loginSendsUserPasswordVersionAndOriginator() {
        try (XapiSession session = open(LAB.server(), "secret", LAB.server().fingerprint())) {
            assertEquals("xcp-lab", XapiClass.HOST.allRecords(session).await().values().iterator().next().nameLabel());
        }
        assertTrue(LAB.server().find("session", "originator", "HyperLab test").isEmpty(), "logout ended the session on the host");
    }

    @Test
    void expiredSessionLogsInAgainAndTheCallSucceeds() {
        try (XapiSession session = open(LAB.server(), "secret", LAB.server().fingerprint())) {
            LAB.server().expireSessions();
            int logins = Collections.frequency(LAB.server().calls(), "session.login_with_password");
            Map<String, XapiRecords.Vm> vms = XapiClass.VM.allRecords(session).await();
            assertTrue(vms.size() > 3);
            assertEquals(logins + 1, Collections.frequency(LAB.server().calls(), "session.login_with_password"));
        }
    }

    @Test
    void wrongPasswordIsSessionAuthenticationFailed() {
        Exception e = assertThrows(Exception.class, () -> open(LAB.server(), "guess", LAB.server().fingerprint()));
        XapiException refused = assertInstanceOf(XapiException.class, e);
        assertEquals("SESSION_AUTHENTICATION_FAILED", refused.code());
    }

    @Test
    void changedCertificateIsRefusedWithBothFingerprintsBeforeAnythingIsSent() {
        int before = LAB.server().calls().size();
        Exception e = assertThrows(Exception.class, () -> open(LAB.server(), "secret", SOMEONE_ELSE));
        UntrustedCertificateException untrusted = assertInstanceOf(UntrustedCertificateException.class, e);
        assertEquals(LAB.server().fingerprint(), untrusted.seen());
        assertEquals(SOMEONE_ELSE, untrusted.pinned());
        assertTrue(e.getMessage().contains(LAB.server().fingerprint().toString()) && e.getMessage().contains(SOMEONE_ELSE.toString()), e.getMessage());
        assertEquals(before, LAB.server().calls().size(), "the password must not be sent to an untrusted host");
    }

    @Test
    void firstConnectShowsTheFingerprintAndSendsNothing() {
        int before = LAB.server().calls().size();
        Exception e = assertThrows(Exception.class, () -> open(LAB.server(), "secret", null));
        UntrustedCertificateException untrusted = assertInstanceOf(UntrustedCertificateException.class, e);
        assertEquals(LAB.server().fingerprint(), untrusted.seen());
        assertNull(untrusted.pinned());
        assertEquals(before, LAB.server().calls().size());
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Exception e = assertThrows(Exception.class, () -> XapiSession.open(LAB.vertx(), new XapiEndpoint("127.0.0.1", port), "root",
            "secret".toCharArray(), settings(LAB.server().fingerprint())).await());
        assertInstanceOf(HostUnreachableException.class, e);
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void poolMemberSendsTheLoginOnToItsCoordinator() {
        try (XapiTestServer coordinator = XapiTestServer.start(LAB.vertx(), LabHost.standard("127.0.0.2").withName("xcp-coordinator"), 0, "root", "secret");
             XapiTestServer member = XapiTestServer.startWithCertificateOf(coordinator, LAB.vertx(), LabHost.standard("127.0.0.1").withName("xcp-member"),
                 coordinator.port(), "root", "secret")) {
            member.joinPool("127.0.0.2");
            try (XapiSession session = open(member, "secret", coordinator.fingerprint())) {
                assertEquals(new XapiEndpoint("127.0.0.2", coordinator.port()), session.endpoint());
                assertEquals("xcp-coordinator", XapiClass.HOST.allRecords(session).await().values().iterator().next().nameLabel());
            }
            assertEquals(List.of("session.login_with_password"), member.calls());
        }
    }

    @Test
    void coordinatorWithAnotherCertificateIsRefusedNamingIt() {
        try (XapiTestServer coordinator = XapiTestServer.start(LAB.vertx(), LabHost.standard("127.0.0.2").withName("xcp-coordinator"), 0, "root", "secret");
             XapiTestServer member = XapiTestServer.start(LAB.vertx(), LabHost.standard("127.0.0.1").withName("xcp-member"), coordinator.port(),
                 "root", "secret")) {
            member.joinPool("127.0.0.2");
            Exception e = assertThrows(Exception.class, () -> open(member, "secret", member.fingerprint()));
            UntrustedCertificateException untrusted = assertInstanceOf(UntrustedCertificateException.class, e);
            assertEquals(coordinator.fingerprint(), untrusted.seen());
            assertTrue(e.getMessage().contains("It is the pool coordinator of 127.0.0.1:" + coordinator.port()
                + ", which sent us there: connect to the coordinator 127.0.0.2 instead"), e.getMessage());
            assertTrue(coordinator.calls().isEmpty());
        }
    }

    @Test
    void failedTaskIsAnErrorOfItsMethod() {
        try (XapiSession session = open(LAB.server(), "secret", LAB.server().fingerprint())) {
            String template = LAB.server().ref("VM", "name_label", "Other install media");
            LAB.server().failNext("VM.clone", "SR_FULL", "1024", "512");
            Exception e = assertThrows(Exception.class, () -> session.run("VM.clone", template, "never").await());
            XapiException refused = assertInstanceOf(XapiException.class, e);
            assertEquals("VM.clone", refused.method());
            assertEquals("SR_FULL", refused.code());
            assertEquals(List.of("1024", "512"), refused.params());
            assertTrue(LAB.server().find("task", "name_label", "Async.VM.clone").isEmpty(), "the finished task was destroyed");
        }
    }
}
