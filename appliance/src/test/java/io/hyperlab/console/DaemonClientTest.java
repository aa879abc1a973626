package io.hyperlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The console's way to the daemon: the pinned certificate, refusals that show what was seen, the daemon's errors. */
class DaemonClientTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();
    @TempDir
    static Path elsewhere;

    private static ConsoleOptions options(Path folder, String fingerprint) {
        return new ConsoleOptions(lab.url(), folder, fingerprint, folder.resolve("settings"));
    }

    @Test
    void trustsTheDaemonByTheCertificateInItsDataFolder() throws Exception {
        long before = healthRequests();
        DaemonClient client = DaemonClient.connect(lab.options());
        assertEquals(lab.daemon.certificate().fingerprint(), client.pinnedFingerprint());
        assertEquals("ok", client.get(ConsoleMain.HEALTH).path("status").asText());
        for (int i = 0; i < 100 && healthRequests() == before; i++) {
            Thread.sleep(20);
        }
        assertEquals(before + 1, healthRequests(), "the daemon's log counts the request that got through");
    }

    @Test
    void trustsAFingerprintGivenWithoutTheDataFolder() {
        String fingerprint = lab.daemon.certificate().fingerprint().replace(":", "").toLowerCase(java.util.Locale.ROOT);
        DaemonClient client = DaemonClient.connect(options(elsewhere, fingerprint));
        assertEquals("ok", client.get(ConsoleMain.HEALTH).path("status").asText());
    }

    @Test
    void refusesAnotherCertificateBeforeSendingAnythingAndShowsWhatItSaw() {
        String wrong = "AA:" + lab.daemon.certificate().fingerprint().substring(3);
        long before = healthRequests();
        ConsoleException refused = assertThrows(ConsoleException.class,
            () -> DaemonClient.connect(options(elsewhere, wrong)).get(ConsoleMain.HEALTH));
        assertTrue(refused.getMessage().contains("is not the one pinned"), refused.getMessage());
        assertTrue(refused.getMessage().contains(lab.daemon.certificate().fingerprint()), refused.getMessage());
        assertTrue(refused.getMessage().contains("--fingerprint"), refused.getMessage());
        assertEquals(before, healthRequests(), "no request may reach the daemon over an untrusted connection");
    }

    @Test
    void refusesASelfSignedCertificateWhenNothingIsPinned() {
        ConsoleException refused = assertThrows(ConsoleException.class,
            () -> DaemonClient.connect(options(elsewhere, null)).get(ConsoleMain.HEALTH));
        assertTrue(refused.getMessage().contains("self-signed or unknown"), refused.getMessage());
        assertTrue(refused.getMessage().contains(lab.daemon.certificate().fingerprint()), refused.getMessage());
    }

    @Test
    void httpsToAPlainHttpDaemonSaysSo() throws Exception {
        try (ConsoleLab plain = ConsoleLab.plainHttp().start()) {
            URI https = URI.create(plain.url().toString().replace("http://", "https://"));
            ConsoleException refused = assertThrows(ConsoleException.class, () -> DaemonClient.connect(
                new ConsoleOptions(https, plain.data, null, plain.data.resolve("settings"))).get(ConsoleMain.HEALTH));
            assertTrue(refused.getMessage().contains("plain http"), refused.getMessage());
            DaemonClient client = DaemonClient.connect(plain.options());
            assertEquals(null, client.pinnedFingerprint());
            client.login("admin", ConsoleLab.PASSWORD);
            assertEquals("admin", client.get("api/v1/session").path("user").asText());
        }
    }

    @Test
    void daemonErrorsKeepStatusCodeAndField() {
        DaemonClient client = lab.admin();
        DaemonError bad = assertThrows(DaemonError.class, () -> client.post("api/v1/runs", Map.of("suite", "cpu", "trials", 0)));
        assertEquals(400, bad.status());
        assertEquals("trials", bad.field());
        assertTrue(bad.getMessage().contains("trials must be from 1"), bad.getMessage());
        DaemonError missing = assertThrows(DaemonError.class, () -> client.get("api/v1/runs/999999"));
        assertEquals(404, missing.status());
    }

    @Test
    void anEndedSessionIsForgottenSoTheConsoleAsksToLogInAgain() {
        DaemonClient client = lab.admin();
        DaemonClient other = lab.admin();
        other.post("api/v1/account/password", Map.of("current", ConsoleLab.PASSWORD, "new", ConsoleLab.PASSWORD));
        DaemonError ended = assertThrows(DaemonError.class, () -> client.get("api/v1/appliance"));
        assertTrue(ended.loggedOut(), ended.getMessage());
        assertFalse(client.loggedIn(), "the client must drop the dead session");
    }

    @Test
    void eventsArriveWhileLoggedIn() throws Exception {
        DaemonClient client = lab.admin();
        java.util.concurrent.BlockingQueue<EventStream.Event> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        try (EventStream events = new EventStream(client)) {
            events.addListener(heard::add);
            events.start();
            Thread.sleep(500);
            JsonNode task = client.post("api/v1/runs", Map.of("suite", "cpu", "label", "events", "size", "normal", "minTime", 0.05,
                "trials", 1, "maxTrials", 1));
            long id = task.path("id").asLong();
            boolean trialDone = false;
            boolean finished = false;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!finished && System.nanoTime() < deadline) {
                EventStream.Event event = heard.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (event != null && event.data().path("taskId").asLong() == id) {
                    trialDone |= event.type().equals("trial.done") && event.data().path("values").has("Composite");
                    finished = event.type().equals("task.finished");
                }
            }
            assertTrue(trialDone && finished, "trial.done with values and task.finished for task " + id);
        }
    }

    static long healthRequests() {
        return lab.log().lines().filter(line -> line.contains("\"path\":\"/api/v1/health\"")).count();
    }
}
