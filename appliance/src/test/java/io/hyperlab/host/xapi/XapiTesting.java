package io.hyperlab.host.xapi;

import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.Secret;
import io.hyperlab.host.xapi.server.XapiTestServer;
import java.time.Duration;
import java.util.List;

/** What the XAPI driver tests share: connections to a test server, short timeouts, which calls changed something. */
final class XapiTesting {
    static final String USER = "root";
    static final String PASSWORD = "secret";

    private XapiTesting() {
    }

    static HostConnection connection(XapiTestServer server, String password, Fingerprint pin) {
        return HostConnection.of("xcp1", server.uri().toString(), USER, Secret.fromInput(password), pin);
    }

    static HostConnection connection(XapiTestServer server) {
        return connection(server, PASSWORD, server.fingerprint());
    }

    static XapiSession.Settings settings(Fingerprint pin) {
        return new XapiSession.Settings(pin, "HyperLab test", Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    static XapiDriver open(XapiTestServer server) {
        return XapiProvider.open(connection(server), settings(server.fingerprint()));
    }

    /** The calls after the first {@code from} that can change the host: not reads, logins or task polls. */
    static List<String> changesSince(XapiTestServer server, int from) {
        List<String> calls = server.calls();
        return calls.subList(from, calls.size()).stream()
            .filter(call -> !call.contains(".get_") && !call.startsWith("session.") && !call.startsWith("task.")
                && !call.equals("host.compute_free_memory"))
            .toList();
    }
}
