package io.hyperlab.bench;

import io.hyperlab.InvalidInputException;
import java.util.List;
import java.util.Objects;

/**
 * What a user asks to run: a suite (or some of its tests), a label naming the machine under
 * test (e.g. "XenServer VM"), the trial policy and the benchmark settings.
 */
public record RunRequest(Suite suite, List<String> tests, String label, TrialPolicy policy, BenchSettings settings) {
    public static final int MAX_LABEL_LENGTH = 100;

    public RunRequest {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(settings, "settings");
        List<String> inSuite = suite.tests().stream().map(Benchmark::name).toList();
        if (tests == null || tests.isEmpty()) {
            tests = settings.network() != null || suite == Suite.NETWORK ? inSuite
                : suite.tests().stream().filter(b -> !b.needsPeer()).map(Benchmark::name).toList();
        } else {
            tests = List.copyOf(tests);
        }
        for (String test : tests) {
            Benchmarks.get(test);
            if (!inSuite.contains(test)) {
                throw new InvalidInputException("tests", "test '" + test + "' is not in suite " + suite.id() + ": its tests are "
                    + String.join(", ", inSuite));
            }
        }
        if (tests.stream().distinct().count() != tests.size()) {
            throw new InvalidInputException("tests", "a test is named twice: " + String.join(", ", tests));
        }
        label = checkLabel(label);
        if (settings.network() == null) {
            for (String test : tests) {
                if (Benchmarks.get(test).needsPeer()) {
                    throw new InvalidInputException("test " + test + " needs a peer: give --peer HOST[:PORT], a machine running"
                        + " iperf3 -s or hyperlab iperf3 --server");
                }
            }
        }
    }


    public List<Benchmark> benchmarks() {
        return tests.stream().map(Benchmarks::get).toList();
    }

    /** The label trimmed, or a refusal naming what is wrong: empty, too long, or holding control characters. */
    public static String checkLabel(String label) {
        String trimmed = label == null ? "" : label.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("label", "the label must not be empty: name the machine under test, e.g. \"KVM VM\"");
        }
        if (trimmed.length() > MAX_LABEL_LENGTH) {
            throw new InvalidInputException("label", "the label must be at most " + MAX_LABEL_LENGTH + " characters, not "
                + trimmed.length());
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("label", "the label must not hold control characters (tabs, new lines, escapes)");
        }
        return trimmed;
    }
}
