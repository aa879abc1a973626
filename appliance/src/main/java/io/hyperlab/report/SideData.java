package io.hyperlab.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One side of a comparison with its data: a name unique in the comparison, where it comes from,
 * the environments of its runs, the benchmark settings that change results, and every value.
 *
 * @param kind      {@code label}, {@code run} or {@code reference}
 * @param settings  per test, the settings that change its results (e.g. SciMark's size), as text
 */
public record SideData(
    String name,
    String kind,
    String description,
    List<Long> runIds,
    List<SideEnvironment> environments,
    Map<String, Map<String, String>> settings,
    List<MetricValues> results) {

    public SideData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        runIds = List.copyOf(runIds);
        environments = List.copyOf(environments);
        settings = Map.copyOf(settings);
        results = List.copyOf(results);
    }

    /** This side's values of one test's metric, or null. */
    public MetricValues find(String test, String metric) {
        for (MetricValues values : results) {
            if (values.test().equals(test) && values.metric().equals(metric)) {
                return values;
            }
        }
        return null;
    }
}
