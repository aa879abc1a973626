package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The stored hosts, read through the cache, and a way to pick one for the screens that work on a host. */
final class HostPicker {
    static final String HOSTS = "api/v1/hosts";

    private HostPicker() {
    }

    /** Reads the hosts, then lets the user pick one (straight away when there is only one). */
    static void pick(Console console, String title, Consumer<JsonNode> picked) {
        console.run("read the hosts", () -> console.client().get(HOSTS), hosts -> {
            if (hosts.isEmpty()) {
                console.message(title, "No hypervisor host is stored yet: add one under Hypervisor Hosts.");
                return;
            }
            if (hosts.size() == 1) {
                picked.accept(hosts.get(0));
                return;
            }
            List<String> names = new ArrayList<>();
            hosts.forEach(host -> names.add(describe(host)));
            int chosen = console.choose(title, "Which host?", names);
            if (chosen >= 0) {
                picked.accept(hosts.get(chosen));
            }
        });
    }

    static String describe(JsonNode host) {
        return host.path("name").asText() + "  (" + host.path("kind").asText() + ", " + host.path("uri").asText() + ")";
    }

    /** The path of something on a host, e.g. {@code path(host, "vms")}. */
    static String path(JsonNode host, String... parts) {
        StringBuilder path = new StringBuilder(HOSTS).append('/').append(segment(host.path("name").asText()));
        for (String part : parts) {
            path.append('/').append(segment(part));
        }
        return path.toString();
    }

    /** A name as one path segment: a XenServer VM may be called "Debian 12 (lab)". */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
