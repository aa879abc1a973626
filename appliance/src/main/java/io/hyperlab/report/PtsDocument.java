package io.hyperlab.report;

import java.util.List;

/** The parts of a Phoronix Test Suite result file (composite.xml) that HyperLab writes and reads. */
record PtsDocument(String title, String description, List<PtsSystem> systems, List<PtsResult> results) {
    PtsDocument {
        systems = List.copyOf(systems);
        results = List.copyOf(results);
    }

    /** One compared system: PTS's {@code Hardware} and {@code Software} are ", "-joined "Key: value" texts. */
    record PtsSystem(String identifier, String hardware, String software, String timeStamp, String clientVersion, String notes) {
    }

    /** One test result, with an entry per system holding every trial. */
    record PtsResult(PtsTests.Profile profile, boolean higherIsBetter, List<PtsEntry> entries) {
        PtsResult {
            entries = List.copyOf(entries);
        }
    }

    record PtsEntry(String system, List<Double> values) {
        PtsEntry {
            values = List.copyOf(values);
        }
    }
}
