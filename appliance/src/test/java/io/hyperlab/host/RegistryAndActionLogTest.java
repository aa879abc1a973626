package io.hyperlab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.ConflictException;
import io.hyperlab.NotFoundException;
import io.hyperlab.history.ActionRow;
import io.hyperlab.history.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts and actions in a real SQLite history: stored owner-only, passwords kept out of the log. */
class RegistryAndActionLogTest {
    private static final String PASSWORD = "Xen-s3cret'<&>";

    @Test
    void actionLeftRunningByAKilledProcessIsMarkedFailedOnOpen() throws Exception {
        try (History history = History.openIn(temp)) {
            history.actions().start("cli:root", "kvm1", "vm create", "{}");
        }
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + temp.resolve(History.FILE_NAME));
             var update = db.createStatement()) {
            // A pid no process has: the action's process is gone.
            update.executeUpdate("UPDATE actions SET owner_pid = 2147483646, owner_started = NULL");
        }
        try (History history = History.openIn(temp)) {
            ActionRow action = history.actions().list(null).get(0);
            assertEquals("failed", action.outcome());
            assertEquals("its process ended before the action finished; check the host for what it left", action.error());
        }
    }

    @TempDir
    Path temp;

    @Test
    void hostsAreStoredReadBackAndRemoved() {
        Path data = temp.resolve("data");
        try (History history = History.openIn(data)) {
            HostRegistry registry = new HostRegistry(history.hosts());
            registry.add(HostConnection.of("xen1", "https://xen1.lab:443", "root", Secret.fromInput(PASSWORD),
                Fingerprint.parse("aa".repeat(32))));
            registry.add(HostConnection.of("kvm1", "qemu+ssh://root@kvm1/system", null, null, null));
            assertEquals(List.of("kvm1", "xen1"), registry.list().stream().map(HostRegistry.StoredHost::name).toList());
            HostRegistry.StoredHost xen = registry.describe("xen1");
            assertTrue(xen.passwordStored());
            assertEquals(HostKind.XAPI, xen.kind());
            HostConnection connection = registry.connection("xen1");
            assertEquals(PASSWORD, new String(connection.password().reveal()));
            assertEquals("AA:AA", connection.fingerprint().sha256().substring(0, 5));
            assertNull(registry.connection("kvm1").password());

            ConflictException twice = assertThrows(ConflictException.class,
                () -> registry.add(HostConnection.of("kvm1", "qemu:///system", null, null, null)));
            assertTrue(twice.getMessage().startsWith("a host named 'kvm1' is already stored"), twice.getMessage());
            registry.remove("kvm1");
            NotFoundException gone = assertThrows(NotFoundException.class, () -> registry.connection("kvm1"));
            assertEquals("no host 'kvm1' is stored (see: hyperlab host list; add one with hyperlab host add)", gone.getMessage());
            assertThrows(NotFoundException.class, () -> registry.remove("kvm1"));
        }
        try (History again = History.openIn(data)) {
            assertEquals(List.of("xen1"), new HostRegistry(again.hosts()).list().stream().map(HostRegistry.StoredHost::name).toList());
        }
    }

    @Test
    void databaseHoldingPasswordsIsReadableByItsOwnerOnly() throws Exception {
        Path data = temp.resolve("new-folder");
        try (History history = History.openIn(data)) {
            new HostRegistry(history.hosts()).add(HostConnection.of("xen1", "xapi://xen1", "root", Secret.fromInput(PASSWORD), null));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            try (var files = Files.list(data)) {
                for (Path file : files.toList()) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
                }
            }
        }
        Path loose = temp.resolve("loose");
        Files.createDirectories(loose);
        try (History history = History.openIn(loose)) {
            Files.setPosixFilePermissions(history.file(), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (History history = History.openIn(loose)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history.file())),
                "opening a history made readable to others makes it owner-only again");
        }
    }

    @Test
    void actionLogRecordsOutcomesAndNeverThePassword() {
        try (History history = History.openIn(temp)) {
            ActionLog log = new ActionLog(history.actions(), "cli:tester");
            HostConnection host = HostConnection.of("xen1", "xapi://xen1", "root", Secret.fromInput(PASSWORD), null);
            log.record("xen1", "host add", host, () -> { });
            IsoLibrarySpec share = new IsoLibrarySpec("isos", IsoLibraryKind.CIFS, "//nas/isos", "lab", Secret.fromInput(PASSWORD));
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> log.record("xen1", "iso-library add", share,
                () -> {
                    throw new IllegalStateException("SR_BACKEND_FAILURE_111: mount failed");
                }));
            assertEquals("SR_BACKEND_FAILURE_111: mount failed", failure.getMessage());
            log.record("kvm1", "vm start", Map.of("vm", "web"), () -> { });

            List<ActionRow> all = history.actions().list(null);
            assertEquals(List.of("host add", "iso-library add", "vm start"), all.stream().map(ActionRow::action).toList());
            ActionRow added = all.get(0);
            assertEquals("succeeded", added.outcome());
            assertEquals("cli:tester", added.actor());
            assertTrue(added.finishedAt() != null && !added.finishedAt().isBefore(added.startedAt()));
            assertTrue(added.parameters().contains("\"uri\":\"xapi://xen1\""), added.parameters());
            ActionRow failed = all.get(1);
            assertEquals("failed", failed.outcome());
            assertEquals("SR_BACKEND_FAILURE_111: mount failed", failed.error());
            assertTrue(failed.parameters().contains("\"location\":\"//nas/isos\""), failed.parameters());
            for (ActionRow row : all) {
                assertFalse(row.parameters().contains("s3cret") || row.parameters().contains("password"), row.parameters());
            }
            assertEquals(List.of("vm start"), history.actions().list("kvm1").stream().map(ActionRow::action).toList());
        }
    }
}
