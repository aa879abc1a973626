package io.hyperlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.bench.env.Environment;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import java.time.Instant;
import java.util.List;

/**
 * Runs taken out of a history with every raw trial: HyperLab's own export, which another
 * appliance imports as it is. {@code format} and {@code version} let a reader refuse what it
 * does not know.
 *
 * @param label  the label the export was limited to, or null for every run
 */
public record Export(String format, int version, String hyperlab, Instant exportedAt, String label, List<Run> runs) {
    public static final String FORMAT = "hyperlab-export";
    public static final int VERSION = 1;

    public Export {
        runs = List.copyOf(runs);
    }

    /** A run as exported: its identity (uid), what ran, where, and every trial. */
    public record Run(String uid, long id, String suite, String label, RunStatus status, Instant startedAt, Instant finishedAt,
                      String error, JsonNode options, Environment environment, List<Trial> trials, RunInfo.Imported imported) {
        public Run {
            trials = trials == null ? List.of() : List.copyOf(trials);
        }
    }
}
