package io.hyperlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperlab.Json;
import io.hyperlab.NotFoundException;
import io.hyperlab.Version;
import io.hyperlab.history.History;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.RunStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Builds exports from the history: every finished run, or those of one label. */
public final class Exports {
    private Exports() {
    }

    /** The runs to export; a run still running is left out (its trials are not all there yet). */
    public static Export of(History history, String label) {
        List<RunRecord> records = new ArrayList<>();
        if (label == null) {
            for (RunInfo info : history.listRuns()) {
                records.add(history.run(info.id()));
            }
        } else {
            records.addAll(history.runsLabelled(label));
        }
        List<Export.Run> runs = records.stream()
            .filter(r -> r.run().status() != RunStatus.RUNNING)
            .map(Exports::run)
            .toList();
        if (runs.isEmpty()) {
            throw new NotFoundException(label == null ? "the history has no finished run to export (see: hyperlab history list)"
                : "no finished run is labelled \"" + label + "\" (see: hyperlab history list)");
        }
        return new Export(Export.FORMAT, Export.VERSION, Version.current(), Instant.now().truncatedTo(ChronoUnit.SECONDS), label, runs);
    }

    private static Export.Run run(RunRecord record) {
        RunInfo info = record.run();
        try {
            return new Export.Run(info.uid(), info.id(), info.suite(), info.label(), info.status(), info.startedAt(), info.finishedAt(),
                info.error(), Json.MAPPER.readTree(record.options()), record.environment(), record.trials(), info.imported());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run " + info.id() + " has options that are not JSON", e);
        }
    }
}
