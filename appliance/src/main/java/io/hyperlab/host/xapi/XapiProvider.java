package io.hyperlab.host.xapi;

import io.hyperlab.InvalidInputException;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostDriverProvider;
import io.hyperlab.host.HostKind;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Arrays;

/**
 * Opens {@link XapiDriver}s for {@code xapi://host[:port]} and {@code https://host[:port]}
 * connections (registered in META-INF/services). Each driver has a small Vert.x of its own for
 * its HTTPS client, closed with the driver.
 */
public final class XapiProvider implements HostDriverProvider {
    /** The user XenServer and XCP-ng hosts are administered as when none is given. */
    static final String DEFAULT_USER = "root";

    @Override
    public HostKind kind() {
        return HostKind.XAPI;
    }

    @Override
    public HostDriver open(HostConnection connection) {
        return open(connection, XapiSession.Settings.defaults(connection.fingerprint()));
    }

    /** Opens with chosen settings (timeouts, originator): tests use short ones. */
    static XapiDriver open(HostConnection connection, XapiSession.Settings settings) {
        if (connection.password() == null) {
            throw new InvalidInputException("XenServer host '" + connection.name() + "' needs the password of user '"
                + user(connection) + "': give it with --password-file");
        }
        XapiEndpoint endpoint = XapiEndpoint.of(connection.uri());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        char[] password = connection.password().reveal();
        try {
            XapiSession session = XapiCalls.await(XapiSession.open(vertx, endpoint, user(connection), password, settings));
            return new XapiDriver(connection, vertx, session);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String user(HostConnection connection) {
        return connection.user() == null ? DEFAULT_USER : connection.user();
    }
}
