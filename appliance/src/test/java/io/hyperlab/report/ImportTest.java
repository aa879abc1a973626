package io.hyperlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hyperlab.ConflictException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.env.Environment;
import io.hyperlab.history.History;
import io.hyperlab.history.MetricSummary;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.Trial;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing real PTS result files, and refusing bad ones with nothing stored. */
class ImportTest {
    @TempDir
    Path folder;

    Path fixture(String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = ImportTest.class.getResourceAsStream("pts/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    static MetricSummary metric(RunRecord run, String test, String metric) {
        return run.summaries().stream().filter(m -> m.test().equals(test) && m.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void scimarkFromARealPts10FileMapsOntoOurMetricsAndKeepsTheOtherTests() throws IOException {
        try (History history = History.open(folder.resolve("h.db"))) {
            ImportResult result = Importer.importFile(history, fixture("xeon-scimark2-and-others.composite.xml"), null, false);
            assertEquals("pts", result.format());
            assertEquals(List.of("scimark2"), result.mappedTests());
            assertTrue(result.keptTests().containsAll(List.of("pts/fftw-1.2.0", "pts/botan-1.6.0", "pts/simdjson-2.0.1")), result.toString());
            assertEquals(1, result.runs().size());
            RunRecord run = history.run(result.runs().get(0).id());
            assertEquals("GVNO3", run.run().label());
            assertEquals(new RunInfo.Imported("pts", "xeon-scimark2-and-others.composite.xml", run.run().imported().at()), run.run().imported());
            assertEquals(List.of(1277.68, 1293.84, 1288.47), metric(run, "scimark2", "Composite").values());
            assertEquals(List.of(2991.8, 3082.64, 3042.27), metric(run, "scimark2", "Dense LU Matrix Factorization").values());
            assertEquals("MFLOPS", metric(run, "scimark2", "Monte Carlo").unit());
            assertEquals(3, run.trials().stream().filter(t -> t.test().equals("scimark2")).count());
            assertTrue(run.summaries().stream().noneMatch(m -> m.metric().startsWith("Test Install")), "PTS's install time and size are not tests");
            Environment env = run.environment();
            assertEquals("2 x Intel Xeon E5-2620 v2 @ 2.60GHz", env.cpuModel());
            assertEquals(24, env.cpuCount());
            assertEquals(32L << 30, env.memoryBytes());
            assertEquals("5.14.0-559.el9.x86_64", env.kernel());
            assertEquals("CentOS Stream 9", env.os());
            assertEquals("PTS 10.8.4", env.hyperlabVersion());
            assertTrue(run.options().contains("\"scimarkSize\":\"large\""), run.options());
        }
    }

    @Test
    void ramspeedFromARealPts5FileKeepsEveryTrialAndDirection() throws IOException {
        try (History history = History.open(folder.resolve("h.db"))) {
            ImportResult result = Importer.importFile(history, fixture("raspberrypi-ramspeed.composite.xml"), "Raspberry Pi 4", false);
            assertEquals(List.of("ramspeed-integer", "ramspeed-float"), result.mappedTests());
            assertEquals(List.of("pts/stream-1.3.1", "pts/tinymembench-1.0.2", "pts/mbw-1.0.0", "pts/t-test1-1.0.1", "pts/cachebench-1.1.2"),
                result.keptTests());
            RunRecord run = history.run(result.runs().get(0).id());
            assertEquals("Raspberry Pi 4", run.run().label());
            assertEquals(List.of(4300.9, 4019.64, 4243.53, 4210.59), metric(run, "ramspeed-integer", "Add").values());
            assertEquals(6, metric(run, "ramspeed-float", "Scale").values().size());
            assertEquals(List.of(4030.66, 4062.67, 4026.86), metric(run, "ramspeed-float", "Average").values());
            MetricSummary streamCopy = metric(run, "pts/stream-1.3.1", "Type: Copy");
            assertEquals("MB/s", streamCopy.unit());
            assertEquals(5, streamCopy.values().size());
            assertFalse(metric(run, "pts/t-test1-1.0.1", "Threads: 1").higherIsBetter(), "LIB: lower is better");
            assertEquals(4, run.environment().cpuCount());
            assertEquals(4096L << 20, run.environment().memoryBytes());
            assertEquals("ARMv7 rev 3 @ 1.50GHz", run.environment().cpuModel());
        }
    }

    @Test
    void aFileWithNoKnownTestIsRefusedNamingWhatItHas() throws IOException {
        assertRefused(fixture("simdjson-only.composite.xml"), "holds no test HyperLab knows (it has: pts/simdjson-2.0.1)");
    }

    @Test
    void malformedXmlIsRefusedWithWhere() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("raspberrypi-ramspeed.composite.xml"));
        Path cut = folder.resolve("cut.xml");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefused(cut, "is not well-formed XML (line");
        Path other = folder.resolve("pom.xml");
        Files.writeString(other, "<project><modelVersion>4.0.0</modelVersion></project>");
        assertRefused(other, "its root element is <project>, not <PhoronixTestSuite>");
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefused() throws IOException {
        Path secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        Path xxe = folder.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE PhoronixTestSuite [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n"
            + "<PhoronixTestSuite><System><Identifier>&s;</Identifier></System><Result><Identifier>pts/scimark2-1.3.2</Identifier>"
            + "<Arguments>TEST_COMPOSITE</Arguments><Data><Entry><Identifier>&s;</Identifier><RawString>1:2</RawString></Entry></Data>"
            + "</Result></PhoronixTestSuite>");
        assertRefused(xxe, "declares a DOCTYPE");
        Path bomb = folder.resolve("bomb.xml");
        StringBuilder entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        Files.writeString(bomb, "<?xml version=\"1.0\"?><!DOCTYPE PhoronixTestSuite [" + entities + "]><PhoronixTestSuite>&a9;</PhoronixTestSuite>");
        assertRefused(bomb, "declares a DOCTYPE");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
        Path huge = folder.resolve("huge.xml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(Importer.MAX_BYTES + 1);
        }
        assertRefused(huge, "larger than the 16 MiB HyperLab imports");
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws IOException {
        Path csv = folder.resolve("results.csv");
        Files.writeString(csv, "test,metric,value\nscimark2,Composite,1\n");
        assertRefused(csv, "is neither a Phoronix Test Suite composite.xml nor a HyperLab JSON export");
        Path numbers = folder.resolve("bad-numbers.xml");
        Files.writeString(numbers, "<PhoronixTestSuite><System><Identifier>A</Identifier></System><Result><Identifier>pts/scimark2-1.3.2"
            + "</Identifier><Arguments>TEST_COMPOSITE</Arguments><Data><Entry><Identifier>A</Identifier><RawString>12:abc</RawString>"
            + "</Entry></Data></Result></PhoronixTestSuite>");
        assertRefused(numbers, "holds '12:abc', not numbers separated by ':'");
    }

    @Test
    void importingTheSameFileTwiceIsRefusedUnlessAskedToSkip() throws IOException {
        Path file = fixture("raspberrypi-ramspeed.composite.xml");
        try (History history = History.open(folder.resolve("h.db"))) {
            long first = Importer.importFile(history, file, null, false).runs().get(0).id();
            ConflictException again = assertThrows(ConflictException.class, () -> Importer.importFile(history, file, null, false));
            assertTrue(again.getMessage().contains("already in the history as run " + first), again.getMessage());
            assertEquals(1, history.listRuns().size());
            ImportResult skipped = Importer.importFile(history, file, null, true);
            assertEquals(List.of(), skipped.runs());
            assertEquals(1, skipped.skipped());
            assertEquals(1, history.listRuns().size());
        }
    }

    @Test
    void labelRenamesOnlyAOneSystemFile() throws IOException {
        try (History history = History.open(folder.resolve("h.db"))) {
            Runs.scimark(history, "A", Runs.KVM, "large", 100, 101);
            Runs.scimark(history, "B", Runs.XEN, "large", 90, 91);
            Path two = folder.resolve("two.xml");
            try (var out = Files.newOutputStream(two)) {
                ReportFormats.get("pts").write(Exports.of(history, null), out);
            }
            try (History other = History.open(folder.resolve("other.db"))) {
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> Importer.importFile(other, two, "C", false));
                assertTrue(e.getMessage().contains("holds 2 systems (A, B)"), e.getMessage());
                assertThrows(InvalidInputException.class, () -> Importer.importFile(other, two, "  ", false));
                assertEquals(0, other.listRuns().size());
            }
        }
    }

    void assertRefused(Path file, String message) throws IOException {
        Path database = Files.createTempFile(folder, "refused", ".db");
        Files.delete(database);
        try (History history = History.open(database)) {
            Runs.scimark(history, "kept", Runs.KVM, "large", 1, 2);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Importer.importFile(history, file, null, false));
            assertTrue(e.getMessage().contains(message), e.getMessage());
            List<RunInfo> runs = history.listRuns();
            assertEquals(1, runs.size(), "nothing stored, nothing lost");
            List<Trial> trials = history.run(runs.get(0).id()).trials();
            assertEquals(2, trials.size());
        }
        assertFalse(new String(Files.readAllBytes(database), StandardCharsets.ISO_8859_1).contains("TOP-SECRET-42"));
    }
}
