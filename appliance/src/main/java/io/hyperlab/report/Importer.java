package io.hyperlab.report;

import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.NotFoundException;
import io.hyperlab.bench.RunRequest;
import io.hyperlab.history.History;
import io.hyperlab.history.ImportedRun;
import io.hyperlab.history.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports a PTS composite.xml or a HyperLab JSON export into the history, all of it or nothing:
 * a file that is too large, malformed, of another kind, without a known test, or holding a
 * run already in the history is refused with a message and leaves the history as it was.
 */
public final class Importer {
    /** The largest file accepted: PTS result files of a whole suite are well under 1 MiB. */
    public static final long MAX_BYTES = 16L << 20;

    private Importer() {
    }

    /**
     * Imports {@code file}. {@code label} renames the run of a one-run file (null keeps the file's);
     * {@code skipExisting} leaves out runs already in the history instead of refusing the file.
     */
    public static ImportResult importFile(History history, Path file, String label, boolean skipExisting) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("no file " + file + " to import");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidInputException(file + " is " + size / (1 << 20) + " MiB, larger than the " + (MAX_BYTES >> 20)
                    + " MiB HyperLab imports; nothing was imported");
            }
            return importBytes(history, file.getFileName().toString(), Files.readAllBytes(file), label, skipExisting);
        } catch (IOException e) {
            throw new HyperLabException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Imports a file's content, e.g. one uploaded to the API; {@code fileName} names it in messages and in the runs' origin. */
    public static ImportResult importBytes(History history, String fileName, byte[] bytes, String label, boolean skipExisting) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(fileName + " is larger than the " + (MAX_BYTES >> 20) + " MiB HyperLab imports; nothing was imported");
        }
        String checkedLabel = label == null ? null : RunRequest.checkLabel(label);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PtsImport.Parsed parsed;
        String format;
        switch (firstSignificant(bytes)) {
            case '<' -> {
                parsed = PtsImport.parse(fileName, bytes, checkedLabel, now);
                format = "pts";
            }
            case '{' -> {
                parsed = JsonImport.parse(fileName, bytes, checkedLabel, now);
                format = "hyperlab";
            }
            default -> throw new InvalidInputException(fileName + " is neither a Phoronix Test Suite composite.xml nor a HyperLab JSON"
                + " export (it starts with neither '<' nor '{'); nothing was imported");
        }
        Map<String, Long> ids = history.importRuns(parsed.runs(), skipExisting);
        List<ImportResult.Run> stored = new ArrayList<>();
        for (ImportedRun run : parsed.runs()) {
            Long id = ids.get(run.uid());
            if (id != null) {
                stored.add(new ImportResult.Run(id, run.label(), run.trials().stream().map(Trial::test).distinct().toList()));
            }
        }
        return new ImportResult(format, fileName, stored, parsed.mapped(), parsed.kept(), parsed.runs().size() - ids.size());
    }

    private static char firstSignificant(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return (char) bytes[i];
            }
        }
        return 0;
    }
}
