package io.hyperlab.host.xapi;

import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.Secret;
import io.hyperlab.host.xapi.server.LabHost;
import io.hyperlab.host.xapi.server.XapiTestServer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One strict test host per test class (a Vert.x, the server on a free port of 127.0.0.1, and if
 * asked a driver logged in to it), started before the class and stopped after it; plus what the
 * XAPI tests share: connections, short timeouts, and which calls changed something.
 */
final class XapiLab implements BeforeAllCallback, AfterAllCallback {
    static final String USER = "root";
    static final String PASSWORD = "secret";
    static final String NFS_SHARE = "nas.lab:/export/isos";

    private final Consumer<XapiLab> setup;
    private final boolean withDriver;
    private Vertx vertx;
    private XapiTestServer server;
    private XapiDriver driver;

    /** A host, with a driver when {@code withDriver}, then prepared by {@code setup} (shares to offer, libraries...). */
    XapiLab(Consumer<XapiLab> setup, boolean withDriver) {
        this.setup = setup;
        this.withDriver = withDriver;
    }

    /** A host with a driver and an ISO library {@code name} on an NFS share holding {@code isos}. */
    static XapiLab withNfsLibrary(String name, String... isos) {
        return new XapiLab(lab -> {
            lab.server().addShare(NFS_SHARE, "nfs_iso", null, null, isos);
            lab.driver().createIsoLibrary(new IsoLibrarySpec(name, IsoLibraryKind.NFS, NFS_SHARE, null, null));
        }, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
        server = XapiTestServer.start(vertx, LabHost.standard("127.0.0.1"), 0, USER, PASSWORD);
        driver = withDriver ? open(server) : null;
        setup.accept(this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.close();
        }
        server.close();
        vertx.close().await();
    }

    Vertx vertx() {
        return vertx;
    }

    XapiTestServer server() {
        return server;
    }

    XapiDriver driver() {
        return driver;
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
