package io.hyperlab.host.xapi;

import static io.hyperlab.host.xapi.server.LabHost.GIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.BootMode;
import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.HostAuthenticationException;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostUnreachableException;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.IsoRef;
import io.hyperlab.host.Secret;
import io.hyperlab.host.StepFailedException;
import io.hyperlab.host.UntrustedCertificateException;
import io.hyperlab.host.VmInfo;
import io.hyperlab.host.VmSpec;
import io.hyperlab.host.xapi.server.LabHost;
import io.hyperlab.host.xapi.server.XapiTestServer;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What goes wrong, and what the user reads: a wrong password, an unreachable host, a changed
 * certificate, a session that ends mid-way, a pool member, bad requests refused before any change,
 * a step failing mid-way. Afterwards the host holds exactly what it held before.
 */
class XapiDriverFaultsTest {
    @RegisterExtension
    static final XapiLab LAB = XapiLab.withNfsLibrary("isos", "debian-12.iso", "alpine-3.20.iso");

    static VmSpec spec(String name) {
        return new VmSpec(name, "Debian Bookworm 12", new IsoRef("isos", "debian-12.iso"), BootMode.BIOS, null, 2, 2 * GIB, 16 * GIB,
            "Local storage", "Pool-wide network associated with eth0");
    }

    /** Runs {@code action}, which must fail with {@code type}, and checks that nothing on the host changed. */
    static <T extends Throwable> T failsChangingNothing(Class<T> type, Runnable action) {
        Map<String, Integer> before = LAB.server().census();
        T failure = assertThrows(type, action::run);
        assertEquals(before, LAB.server().census(), "objects left behind after: " + failure.getMessage());
        return failure;
    }

    @Test
    void wrongPasswordSaysTheUserOrPasswordIsWrong() {
        HostConnection wrong = XapiLab.connection(LAB.server(), "guess", LAB.server().fingerprint());
        HostAuthenticationException e = assertThrows(HostAuthenticationException.class,
            () -> XapiProvider.open(wrong, XapiLab.settings(LAB.server().fingerprint())));
        assertEquals("XenServer refused the login of user 'root': the user or the password is wrong", e.getMessage());
    }

    @Test
    void unreachableAddressNamesItAndSaysWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        HostConnection nowhere = HostConnection.of("xcp9", "xapi://127.0.0.1:" + closed, "root", Secret.fromInput("secret"),
            LAB.server().fingerprint());
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
            () -> XapiProvider.open(nowhere, XapiLab.settings(LAB.server().fingerprint())));
        assertTrue(e.getMessage().startsWith("cannot reach XenServer at 127.0.0.1:" + closed), e.getMessage());
        assertTrue(e.getMessage().contains("check the address, the port and that the host is up"), e.getMessage());
    }

    @Test
    void changedCertificateIsRefusedWithBothFingerprints() {
        Fingerprint old = Fingerprint.parse("AB".repeat(32));
        int calls = LAB.server().calls().size();
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class,
            () -> XapiProvider.open(XapiLab.connection(LAB.server(), XapiLab.PASSWORD, old), XapiLab.settings(old)));
        assertTrue(e.getMessage().contains("CHANGED") && e.getMessage().contains(old.toString())
            && e.getMessage().contains(LAB.server().fingerprint().toString()), e.getMessage());
        assertEquals(calls, LAB.server().calls().size(), "nothing, not even the login, reached the host");
    }

    @Test
    void missingPasswordIsAskedForBeforeConnecting() {
        HostConnection none = HostConnection.of("xcp1", LAB.server().uri().toString(), "root", null, LAB.server().fingerprint());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> XapiProvider.open(none, XapiLab.settings(null)));
        assertTrue(e.getMessage().contains("--password-file"), e.getMessage());
    }

    @Test
    void sessionThatExpiresMidwayIsRenewedAndTheVmIsFinished() {
        int logins = Collections.frequency(LAB.server().calls(), "session.login_with_password");
        LAB.server().expireSessionsAfter("VM.provision");
        VmInfo vm = LAB.driver().createVm(spec("lab-renewed"));
        assertEquals(logins + 1, Collections.frequency(LAB.server().calls(), "session.login_with_password"));
        assertEquals(2, vm.vcpus());
        assertEquals(1, LAB.server().find("VIF", "VM", LAB.server().ref("VM", "uuid", vm.uuid())).size(), "every step after the renewal ran");
        LAB.driver().deleteVm("lab-renewed", true);
    }

    @Test
    void poolMemberSendsTheDriverToItsCoordinator() {
        try (XapiTestServer coordinator = XapiTestServer.start(LAB.vertx(), LabHost.standard("127.0.0.2").withName("xcp-coordinator"), 0,
                 "root", "secret");
             XapiTestServer member = XapiTestServer.startWithCertificateOf(coordinator, LAB.vertx(),
                 LabHost.standard("127.0.0.1").withName("xcp-member"), coordinator.port(), "root", "secret")) {
            member.joinPool("127.0.0.2");
            try (XapiDriver pooled = XapiProvider.open(XapiLab.connection(member, "secret", coordinator.fingerprint()),
                XapiLab.settings(coordinator.fingerprint()))) {
                assertEquals("xcp-coordinator", pooled.facts().hostname());
                assertEquals(List.of("legacy-pv", "old-hvm", "web01"), pooled.listVms().stream().map(VmInfo::name).toList());
            }
        }
    }

    @Test
    void nameThatExistsIsRefusedBeforeAnyChange() {
        ConflictException e = failsChangingNothing(ConflictException.class, () -> LAB.driver().createVm(spec("web01")));
        assertEquals("host 'xcp1' already has a VM named 'web01': choose another name", e.getMessage());
    }

    @Test
    void moreVcpusThanTheHostHasAreRefused() {
        VmSpec greedy = new VmSpec("lab-greedy", "Debian Bookworm 12", null, BootMode.BIOS, null, 32, GIB, 16 * GIB, null, null);
        InvalidInputException e = failsChangingNothing(InvalidInputException.class, () -> LAB.driver().createVm(greedy));
        assertEquals("VM 'lab-greedy' asks for 32 vCPUs but host 'xcp-lab' has 16 logical CPUs: give at most 16", e.getMessage());
    }

    @Test
    void moreMemoryThanTheHostHasIsRefused() {
        VmSpec greedy = new VmSpec("lab-greedy", "Debian Bookworm 12", null, BootMode.BIOS, null, 2, 128 * GIB, 16 * GIB, null, null);
        InvalidInputException e = failsChangingNothing(InvalidInputException.class, () -> LAB.driver().createVm(greedy));
        assertEquals("VM 'lab-greedy' asks for 128.0 GiB of memory but host 'xcp-lab' has 64.0 GiB in all", e.getMessage());
    }

    @Test
    void diskLargerThanTheSrsFreeSpaceIsRefused() {
        VmSpec huge = new VmSpec("lab-huge", "Debian Bookworm 12", null, BootMode.BIOS, null, 2, GIB, 600 * GIB, null, null);
        InvalidInputException e = failsChangingNothing(InvalidInputException.class, () -> LAB.driver().createVm(huge));
        assertTrue(e.getMessage().contains("does not fit SR 'Local storage'"), e.getMessage());
    }

    @Test
    void isoThatDoesNotExistIsNotFoundAndTheLibrarysIsosAreListed() {
        VmSpec spec = new VmSpec("lab-x", "Debian Bookworm 12", new IsoRef("isos", "debian-13.iso"), BootMode.BIOS, null, 2, GIB,
            16 * GIB, null, null);
        NotFoundException e = failsChangingNothing(NotFoundException.class, () -> LAB.driver().createVm(spec));
        assertEquals("ISO library 'isos' on host 'xcp1' has no ISO 'debian-13.iso'; it has: alpine-3.20.iso, debian-12.iso", e.getMessage());
    }

    @Test
    void unknownTemplateNetworkLibraryAndHomeHostAreEachNamed() {
        Map<String, Runnable> cases = Map.of(
            "host 'xcp1' has no VM template named 'Plan 9'", () -> LAB.driver().createVm(
                new VmSpec("lab-x", "Plan 9", null, BootMode.BIOS, null, 1, GIB, 16 * GIB, null, null)),
            "host 'xcp1' has no network named 'dmz'", () -> LAB.driver().createVm(
                new VmSpec("lab-x", "Debian Bookworm 12", null, BootMode.BIOS, null, 1, GIB, 16 * GIB, null, "dmz")),
            "host 'xcp1' has no ISO library named 'media'", () -> LAB.driver().createVm(
                new VmSpec("lab-x", "Debian Bookworm 12", new IsoRef("media", "a.iso"), BootMode.BIOS, null, 1, GIB, 16 * GIB, null, null)),
            "host 'xcp1' has no home host named 'xcp-other'", () -> LAB.driver().createVm(
                new VmSpec("lab-x", "Debian Bookworm 12", null, BootMode.BIOS, "xcp-other", 1, GIB, 16 * GIB, null, null)));
        cases.forEach((message, action) -> {
            NotFoundException e = failsChangingNothing(NotFoundException.class, action);
            assertEquals(message, e.getMessage());
        });
    }

    @Test
    void stepFailingMidwayIsNamedAndEverythingMadeIsUndone() {
        int mark = LAB.server().calls().size();
        LAB.server().failNext("VBD.insert", "VBD_NOT_EMPTY", "OpaqueRef:cd");
        StepFailedException e = failsChangingNothing(StepFailedException.class, () -> LAB.driver().createVm(spec("lab-broken")));
        assertEquals("insert ISO 'debian-12.iso'", e.step());
        assertTrue(e.getMessage().contains("VBD_NOT_EMPTY") && e.getMessage().contains("everything made before it was undone"),
            e.getMessage());
        assertTrue(XapiLab.changesSince(LAB.server(), mark).containsAll(List.of("VM.destroy", "VDI.destroy")));
    }

    @Test
    void provisioningThatFailsLeavesNoVmAndNoDisk() {
        LAB.server().failNext("VM.provision", "SR_FULL", "17179869184", "536870912000");
        StepFailedException e = failsChangingNothing(StepFailedException.class, () -> LAB.driver().createVm(spec("lab-full")));
        assertEquals("provision the disk", e.step());
        assertInstanceOf(XapiException.class, e.getCause());
    }

    @Test
    void isoLibraryOnAShareThatIsNotThereSaysItCouldNotMount() {
        HyperLabException e = failsChangingNothing(HyperLabException.class, () -> LAB.driver().createIsoLibrary(
            new IsoLibrarySpec("ghost", IsoLibraryKind.NFS, "nas.lab:/export/nothing", null, null)));
        assertTrue(e.getMessage().contains("XenServer could not mount nas.lab:/export/nothing: Could not mount the directory"),
            e.getMessage());
    }
}
