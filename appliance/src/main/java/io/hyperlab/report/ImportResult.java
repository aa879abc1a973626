package io.hyperlab.report;

import java.util.List;

/**
 * What an import stored: the new runs, which tests mapped onto HyperLab's own and which were
 * kept as they were in the file, and how many runs were left out as already present.
 *
 * @param format  {@code pts} or {@code hyperlab}
 */
public record ImportResult(String format, String file, List<Run> runs, List<String> mappedTests, List<String> keptTests, int skipped) {
    public ImportResult {
        runs = List.copyOf(runs);
        mappedTests = List.copyOf(mappedTests);
        keptTests = List.copyOf(keptTests);
    }

    /** A run the import stored. */
    public record Run(long id, String label, List<String> tests) {
        public Run {
            tests = List.copyOf(tests);
        }
    }
}
