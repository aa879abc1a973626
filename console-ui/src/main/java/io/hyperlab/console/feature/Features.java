package io.hyperlab.console.feature;

import io.hyperlab.console.Feature;
import java.util.List;

/** Every menu item of the console, registered in this one place (xsconsole's plugins-base). */
public final class Features {
    private Features() {
    }

    public static List<Feature> all() {
        return List.of(
            new StatusFeature(),
            new AuthenticationFeature(),
            new NetworkFeature(),
            new HostsFeature(),
            new VmsFeature(),
            new StorageFeature(),
            new BenchmarksFeature(),
            new NetworkTestServerFeature(),
            new HistoryFeature(),
            new CompareFeature(),
            new PowerFeature(),
            new ShellFeature());
    }
}
