package io.hyperlab.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How HyperLab's tests and Phoronix Test Suite results name each other. SciMark and RAMspeed
 * map onto the PTS test profiles the study ran ({@code pts/scimark2-1.3.2},
 * {@code pts/ramspeed-1.4.3}); a HyperLab test PTS does not have is written as
 * {@code hyperlab/TEST}; any other PTS test keeps its identifier as the test's name.
 */
final class PtsTests {
    static final String SCIMARK = "pts/scimark2-1.3.2";
    static final String RAMSPEED = "pts/ramspeed-1.4.3";
    static final String OWN_PREFIX = "hyperlab/";

    /** SciMark metrics and the TEST_ argument PTS runs each with. */
    private static final Map<String, String> SCIMARK_ARGUMENTS = Map.of(
        "Composite", "COMPOSITE", "Fast Fourier Transform", "FFT", "Jacobi Successive Over-Relaxation", "SOR",
        "Monte Carlo", "MONTE", "Sparse Matrix Multiply", "SPARSE", "Dense LU Matrix Factorization", "DENSE");
    private static final List<String> RAMSPEED_METRICS = List.of("Copy", "Scale", "Add", "Triad", "Average");

    /** A result's description in PTS terms. */
    record Profile(String identifier, String title, String appVersion, String arguments, String description, String scale) {
    }

    /** What a PTS result is in HyperLab's terms; {@code known} when it maps onto one of our tests. */
    record Mapped(String test, String metric, String unit, boolean known) {
    }

    private PtsTests() {
    }

    static Profile profile(String test, String metric, String unit) {
        if (test.equals("scimark2") && SCIMARK_ARGUMENTS.containsKey(metric)) {
            return new Profile(SCIMARK, "SciMark", "2.0", "TEST_" + SCIMARK_ARGUMENTS.get(metric), "Computational Test: " + metric, "Mflops");
        }
        if (test.startsWith("ramspeed-") && RAMSPEED_METRICS.contains(metric)) {
            boolean integer = test.equals("ramspeed-integer");
            return new Profile(RAMSPEED, "RAMspeed SMP", "3.5.0", metric.toUpperCase(Locale.ROOT) + (integer ? " -b 3" : " -b 6"),
                "Type: " + metric + " - Benchmark: " + (integer ? "Integer" : "Floating Point"), "MB/s");
        }
        String identifier = test.contains("/") ? test : OWN_PREFIX + test;
        return new Profile(identifier, test, "", metric, metric, unit);
    }

    /** Our test and metric for a PTS result; empty for a result that is not a test (PTS's install time and size). */
    static Optional<Mapped> map(String identifier, String title, String arguments, String description, String scale) {
        if (identifier.isBlank()) {
            return Optional.empty();
        }
        String args = arguments.trim();
        if (identifier.startsWith("pts/scimark2-")) {
            for (Map.Entry<String, String> entry : SCIMARK_ARGUMENTS.entrySet()) {
                if (args.equals("TEST_" + entry.getValue()) || description.trim().equals("Computational Test: " + entry.getKey())) {
                    return Optional.of(new Mapped("scimark2", entry.getKey(), "MFLOPS", true));
                }
            }
        }
        if (identifier.startsWith("pts/ramspeed-")) {
            String[] words = args.split("\\s+");
            String text = description.trim();
            String type = args.endsWith("-b 3") || text.endsWith("Benchmark: Integer") ? "ramspeed-integer"
                : args.endsWith("-b 6") || text.endsWith("Benchmark: Floating Point") ? "ramspeed-float" : null;
            for (String metric : RAMSPEED_METRICS) {
                if (type != null && (words[0].equalsIgnoreCase(metric) || text.startsWith("Type: " + metric + " "))) {
                    return Optional.of(new Mapped(type, metric, "MB/s", true));
                }
            }
        }
        if (identifier.startsWith(OWN_PREFIX)) {
            return Optional.of(new Mapped(identifier.substring(OWN_PREFIX.length()), nonBlank(description, args, title), scale, true));
        }
        return Optional.of(new Mapped(identifier, nonBlank(description, args, title), scale, false));
    }

    /** The settings a PTS profile always uses: pts/scimark2 runs -large; pts/ramspeed passes no -p, so 2 processes. */
    static Map<String, Object> settings(String test) {
        return switch (test) {
            case "scimark2" -> Map.of("scimarkSize", "large");
            case "ramspeed-integer", "ramspeed-float" -> Map.of("threads", 2);
            default -> Map.of();
        };
    }

    private static String nonBlank(String... texts) {
        for (String text : texts) {
            if (!text.isBlank()) {
                return text.trim();
            }
        }
        return "result";
    }
}
