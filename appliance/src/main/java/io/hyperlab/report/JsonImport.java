package io.hyperlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import io.hyperlab.bench.RunRequest;
import io.hyperlab.history.ImportedRun;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads HyperLab's own JSON export back into runs, keeping each run's uid, trials and environment. */
final class JsonImport {
    private JsonImport() {
    }

    static PtsImport.Parsed parse(String fileName, byte[] bytes, String label, Instant now) {
        Export export;
        try {
            export = Json.MAPPER.readValue(bytes, Export.class);
        } catch (ValueInstantiationException e) {
            throw new InvalidInputException(fileName + " holds an invalid run: " + e.getCause().getMessage() + "; nothing was imported");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(fileName + " is not a HyperLab JSON export (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + "); nothing was imported");
        } catch (IOException e) {
            throw new InvalidInputException(fileName + " cannot be read: " + e.getMessage());
        }
        if (!Export.FORMAT.equals(export.format())) {
            throw new InvalidInputException(fileName + " is JSON but not a HyperLab export: its \"format\" is " + export.format()
                + ", not \"" + Export.FORMAT + "\" (write one with: hyperlab export --format json)");
        }
        if (export.version() != Export.VERSION) {
            throw new InvalidInputException(fileName + " is a HyperLab export of version " + export.version()
                + "; this HyperLab reads version " + Export.VERSION + " (use the same HyperLab version on both appliances)");
        }
        if (export.runs().isEmpty()) {
            throw new InvalidInputException(fileName + " holds no run to import");
        }
        if (label != null && export.runs().size() > 1) {
            throw new InvalidInputException("--label renames the one run of a file, but " + fileName + " holds " + export.runs().size()
                + " runs; import it without --label");
        }
        List<ImportedRun> runs = new ArrayList<>();
        Set<String> tests = new LinkedHashSet<>();
        for (Export.Run run : export.runs()) {
            if (run.uid() == null || run.uid().isBlank() || run.startedAt() == null || run.environment() == null || run.status() == null) {
                throw new InvalidInputException(fileName + ": a run lacks its uid, status, start time or environment; nothing was imported");
            }
            run.trials().stream().map(Trial::test).forEach(tests::add);
            boolean wasRunning = run.status() == RunStatus.RUNNING;
            runs.add(new ImportedRun(run.uid(), run.suite() == null ? "imported" : run.suite(),
                RunRequest.checkLabel(label != null ? label : run.label()), wasRunning ? RunStatus.INTERRUPTED : run.status(),
                run.options() == null ? "{}" : run.options().toString(), run.startedAt(), run.finishedAt(),
                wasRunning ? "it was still running when it was exported" : run.error(), run.environment(), run.trials(),
                new RunInfo.Imported("hyperlab", fileName, now)));
        }
        return new PtsImport.Parsed(runs, List.copyOf(tests), List.of());
    }
}
