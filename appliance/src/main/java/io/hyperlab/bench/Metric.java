package io.hyperlab.bench;

/** What a benchmark measures: a name, its unit, and which direction is better. */
public record Metric(String name, String unit, boolean higherIsBetter) {
}
