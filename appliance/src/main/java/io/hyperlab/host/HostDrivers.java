package io.hyperlab.host;

import io.hyperlab.HyperLabException;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Opens the driver for a connection's kind, from the providers registered with {@link ServiceLoader}. */
public final class HostDrivers {
    private static final Map<HostKind, HostDriverProvider> PROVIDERS = load();

    private HostDrivers() {
    }

    public static HostDriver open(HostConnection connection) {
        HostDriverProvider provider = PROVIDERS.get(connection.kind());
        if (provider == null) {
            throw new HyperLabException("this HyperLab has no " + connection.kind().id() + " driver; it has: "
                + String.join(", ", available().stream().map(HostKind::id).sorted().toList()));
        }
        return provider.open(connection);
    }

    public static Set<HostKind> available() {
        return Set.copyOf(PROVIDERS.keySet());
    }

    private static Map<HostKind, HostDriverProvider> load() {
        Map<HostKind, HostDriverProvider> providers = new EnumMap<>(HostKind.class);
        for (HostDriverProvider provider : ServiceLoader.load(HostDriverProvider.class, HostDrivers.class.getClassLoader())) {
            providers.put(provider.kind(), provider);
        }
        return providers;
    }
}
