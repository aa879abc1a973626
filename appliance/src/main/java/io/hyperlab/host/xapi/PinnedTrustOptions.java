package io.hyperlab.host.xapi;

import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import java.security.KeyStore;
import java.security.Provider;
import java.util.function.Function;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * Hands Vert.x one {@link PinningTrustManager}. Vert.x's own {@code TrustOptions.wrap} needs
 * SLF4J on the class path, which the appliance does not ship, so this does the same by hand.
 */
final class PinnedTrustOptions implements TrustOptions {
    private final TrustManager trustManager;

    PinnedTrustOptions(TrustManager trustManager) {
        this.trustManager = trustManager;
    }

    @Override
    public TrustOptions copy() {
        return this;
    }

    @Override
    public TrustManagerFactory getTrustManagerFactory(Vertx vertx) {
        return new SingleTrustManagerFactory(trustManager);
    }

    @Override
    public Function<String, TrustManager[]> trustManagerMapper(Vertx vertx) {
        return serverName -> new TrustManager[] {trustManager};
    }

    private static final class SingleTrustManagerFactory extends TrustManagerFactory {
        private static final Provider PROVIDER = new Provider("HyperLabPinning", "1.0", "trusts one pinned certificate") {
            private static final long serialVersionUID = 1L;
        };

        SingleTrustManagerFactory(TrustManager trustManager) {
            super(new TrustManagerFactorySpi() {
                @Override
                protected void engineInit(KeyStore keyStore) {
                }

                @Override
                protected void engineInit(ManagerFactoryParameters parameters) {
                }

                @Override
                protected TrustManager[] engineGetTrustManagers() {
                    return new TrustManager[] {trustManager};
                }
            }, PROVIDER, "pinned");
        }
    }
}
