package io.hyperlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published set of results that ships with HyperLab, e.g. {@code thesis-2021}: the study's
 * XenServer VM and KVM VM, one value per metric, with its testbed and method. Its metric names
 * are ours, so a run compares with it directly; the study's "Latency (jitter)" is our Jitter.
 */
public final class ReferenceDataset {
    public static final String THESIS_2021 = "thesis-2021";
    private static final List<String> NAMES = List.of(THESIS_2021);
    private static final Map<String, String> METRIC_NAMES = Map.of("Latency (jitter)", "Jitter");

    private final String name;
    private final JsonNode root;

    private ReferenceDataset(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /** The built-in dataset of this name; a name that is not built in is refused with the list of names. */
    public static ReferenceDataset get(String name) {
        if (!NAMES.contains(name)) {
            throw new InvalidInputException("unknown reference '" + name + "': the built-in references are " + String.join(", ", NAMES));
        }
        try (InputStream in = ReferenceDataset.class.getResourceAsStream("/io/hyperlab/reference/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the reference " + name + " is missing from this build");
            }
            return new ReferenceDataset(name, Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference " + name, e);
        }
    }

    public String name() {
        return name;
    }

    /** The publication the numbers come from. */
    public String source() {
        return root.path("source").asText();
    }

    /** The study's hardware, e.g. "host: Fujitsu Primergy TX150 S8, ...". */
    public Map<String, String> testbed() {
        return texts(root.path("testbed"));
    }

    /** How each benchmark was run. */
    public Map<String, String> method() {
        return texts(root.path("method"));
    }

    /** The environments' keys (e.g. xenserver, kvm) in published order. */
    public List<String> sideKeys() {
        List<String> keys = new ArrayList<>();
        root.path("environments").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The sides to compare: the one named {@code key}, or all of them when {@code key} is null. */
    public List<SideData> sides(String key) {
        List<String> keys = sideKeys();
        if (key != null && !keys.contains(key)) {
            throw new InvalidInputException("reference " + name + " has no side '" + key + "': choose " + String.join(", ", keys));
        }
        List<SideData> sides = new ArrayList<>();
        for (String k : key == null ? keys : List.of(key)) {
            sides.add(side(k));
        }
        return sides;
    }

    private SideData side(String key) {
        JsonNode env = root.path("environments").path(key);
        JsonNode facts = env.path("facts");
        SideEnvironment environment = new SideEnvironment(text(facts, "hypervisor"), text(facts, "guest_type"),
            text(facts, "cpu_model"), facts.has("vcpus") ? facts.get("vcpus").asInt() : null,
            facts.has("memory_bytes") ? facts.get("memory_bytes").asLong() : null);
        List<MetricValues> results = new ArrayList<>();
        for (JsonNode result : root.path("results")) {
            if (result.has(key)) {
                String metric = result.path("metric").asText();
                results.add(new MetricValues(result.path("test").asText(), METRIC_NAMES.getOrDefault(metric, metric),
                    result.path("unit").asText(), result.path("higher_is_better").asBoolean(), List.of(result.get(key).asDouble())));
            }
        }
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        root.path("settings").properties().forEach(test -> settings.put(test.getKey(), texts(test.getValue())));
        String description = env.path("hypervisor").asText() + "; " + env.path("virtualization").asText() + "; "
            + env.path("guest").asText() + ". Published values (one per metric): " + source();
        return new SideData(env.path("label").asText() + " (" + name + ")", "reference", description, List.of(),
            List.of(environment), settings, results);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.properties().forEach(field -> texts.put(field.getKey(), field.getValue().asText()));
        return texts;
    }
}
