package io.hyperlab.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.hyperlab.bench.env.Environment;
import io.hyperlab.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run: what was asked (options, as JSON), where it ran, and every completed trial.
 * Statistics are computed from the trials, never stored.
 */
public record RunRecord(RunInfo run, @JsonRawValue String options, Environment environment, List<Trial> trials) {
    public RunRecord {
        trials = List.copyOf(trials);
    }

    /** Per test and metric, in the order they were measured: the values and their statistics. */
    @JsonProperty("results")
    public List<MetricSummary> summaries() {
        record Key(String test, String metric) {
        }
        Map<Key, List<Measurement>> byMetric = new LinkedHashMap<>();
        for (Trial trial : trials) {
            for (Measurement m : trial.measurements()) {
                byMetric.computeIfAbsent(new Key(trial.test(), m.metric()), key -> new ArrayList<>()).add(m);
            }
        }
        List<MetricSummary> result = new ArrayList<>();
        byMetric.forEach((key, measurements) -> {
            Measurement first = measurements.get(0);
            List<Double> values = measurements.stream().map(Measurement::value).toList();
            result.add(new MetricSummary(key.test(), key.metric(), first.unit(), first.higherIsBetter(), values, Summary.of(values)));
        });
        return result;
    }
}
