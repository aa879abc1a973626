package io.hyperlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.hyperlab.NotFoundException;
import io.hyperlab.history.History;
import io.hyperlab.history.MetricSummary;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns a label or a run of the history into a side: its runs' values pooled by test and metric. */
final class HistorySides {
    /** Per test, the run options that change its results; other options (trial counts) do not. */
    private static final Map<String, List<String>> RELEVANT_SETTINGS = Map.of(
        "scimark2", List.of("scimarkSize"),
        "ramspeed-integer", List.of("threads", "arrayBytes"),
        "ramspeed-float", List.of("threads", "arrayBytes"));

    private HistorySides() {
    }

    static SideData label(History history, String label) {
        List<RunRecord> runs = history.runsLabelled(label);
        if (runs.isEmpty()) {
            Set<String> labels = history.listRuns().stream().map(RunInfo::label).collect(Collectors.toCollection(TreeSet::new));
            throw new NotFoundException("no run is labelled \"" + label + "\" in the history; "
                + (labels.isEmpty() ? "it has no runs yet" : "its labels are: " + String.join(", ", labels)));
        }
        String ids = runs.stream().map(r -> String.valueOf(r.run().id())).collect(Collectors.joining(", "));
        return side(label, "label", (runs.size() == 1 ? "run " : runs.size() + " runs: ") + ids, runs);
    }

    static SideData run(History history, long id) {
        RunRecord record = history.run(id);
        RunInfo info = record.run();
        return side("run " + id + " (" + info.label() + ")", "run", "run " + id + ", " + info.status().id(), List.of(record));
    }

    private static SideData side(String name, String kind, String description, List<RunRecord> runs) {
        record Key(String test, String metric) {
        }
        Map<Key, List<MetricSummary>> pooled = new LinkedHashMap<>();
        Set<SideEnvironment> environments = new LinkedHashSet<>();
        Map<String, Map<String, Set<String>>> settings = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            if (run.environment() != null) {
                environments.add(SideEnvironment.of(run.environment()));
            }
            for (MetricSummary summary : run.summaries()) {
                pooled.computeIfAbsent(new Key(summary.test(), summary.metric()), key -> new ArrayList<>()).add(summary);
            }
            collectSettings(run, settings);
        }
        if (pooled.isEmpty()) {
            throw new NotFoundException(name + " has no completed trial to compare (" + description + ")");
        }
        List<MetricValues> results = new ArrayList<>();
        pooled.forEach((key, summaries) -> {
            MetricSummary first = summaries.get(0);
            List<Double> values = summaries.stream().flatMap(s -> s.values().stream()).toList();
            results.add(new MetricValues(key.test(), key.metric(), first.unit(), first.higherIsBetter(), values));
        });
        Map<String, Map<String, String>> joined = new LinkedHashMap<>();
        settings.forEach((test, byKey) -> {
            Map<String, String> values = new LinkedHashMap<>();
            byKey.forEach((setting, distinct) -> values.put(setting, String.join(" and ", distinct)));
            joined.put(test, values);
        });
        return new SideData(name, kind, description, runs.stream().map(r -> r.run().id()).toList(),
            List.copyOf(environments), joined, results);
    }

    /** Adds the run's relevant settings of each test it holds; runs that disagree leave both values. */
    private static void collectSettings(RunRecord run, Map<String, Map<String, Set<String>>> settings) {
        JsonNode options;
        try {
            options = Json.MAPPER.readTree(run.options()).path("settings");
        } catch (JsonProcessingException e) {
            return;
        }
        for (String test : run.trials().stream().map(Trial::test).distinct().toList()) {
            for (String setting : RELEVANT_SETTINGS.getOrDefault(test, List.of())) {
                if (options.hasNonNull(setting)) {
                    settings.computeIfAbsent(test, t -> new LinkedHashMap<>())
                        .computeIfAbsent(setting, s -> new LinkedHashSet<>())
                        .add(options.get(setting).asText().toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
