package io.hyperlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.ConflictException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import io.hyperlab.history.History;
import io.hyperlab.history.MetricSummary;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format writes comparisons and exports; JSON and PTS exports read back into another history unchanged. */
class ReportFormatsTest {
    @TempDir
    Path folder;

    static String write(String format, Comparison comparison) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormats.get(format).write(comparison, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] write(String format, Export export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormats.get(format).write(export, out);
        return out.toByteArray();
    }

    static Comparison study() {
        return Comparisons.compare(ReferenceDataset.get("thesis-2021").sides(null), 0.05);
    }

    /** Per label, test and metric, every value in order: what a round trip must keep. */
    static Map<String, List<Double>> values(History history) {
        Map<String, List<Double>> values = new TreeMap<>();
        for (RunInfo info : history.listRuns()) {
            for (MetricSummary m : history.run(info.id()).summaries()) {
                values.merge(info.label() + " | " + m.test() + " | " + m.metric() + " | " + m.unit() + " | " + m.higherIsBetter(),
                    m.values(), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            }
        }
        return values;
    }

    @Test
    void theTablePrintsTheStudysPublishedDifferences() throws IOException {
        String table = write("table", study());
        for (String printed : new String[] {"-1.92%", "-21.61%", "-0.13%", "-23.29%", "-19.52%", "-7.18%", "+47.18%", "+116.67%"}) {
            assertTrue(table.contains(printed), printed + " in\n" + table);
        }
        assertTrue(table.indexOf("CPU: SciMark 2.0") < table.indexOf("Memory, integer") && table.indexOf("Memory, integer")
            < table.indexOf("Memory, floating point") && table.indexOf("Memory, floating point") < table.indexOf("Network: iperf"), table);
        assertTrue(table.contains("not tested: one value"), table);
        assertTrue(table.contains("- iperf-tcp Bandwidth is under 100 Mbit/s"), table);
        assertFalse(table.contains("<"), "plain text, no markup");
    }

    @Test
    void markdownHasOneTableRowPerSideAndEscapesLabels() throws IOException {
        SideEnvironment env = ComparisonTest.HOST;
        Comparison comparison = Comparisons.compare(List.of(
            ComparisonTest.side("A | *bold*", env, ComparisonTest.values("scimark2", "Composite", "MFLOPS", true, 100, 102)),
            ComparisonTest.side("B", env, ComparisonTest.values("scimark2", "Composite", "MFLOPS", true, 110, 111))), 0.05);
        String md = write("md", comparison);
        assertTrue(md.contains("## CPU: SciMark 2.0"), md);
        assertTrue(md.contains("| Composite | MFLOPS | A \\| \\*bold\\* | 2 | 101.00 |"), md);
        assertTrue(md.contains("| B | +9.41% |"), md);
        assertTrue(md.contains("---:"), md);
    }

    @Test
    void htmlIsOneSelfContainedFileWithChartsAndEscapedText() throws IOException {
        SideEnvironment env = ComparisonTest.HOST;
        Comparison comparison = Comparisons.compare(List.of(
            ComparisonTest.side("<script>alert(1)</script>", env, ComparisonTest.values("scimark2", "Composite", "MFLOPS", true, 100, 102)),
            ComparisonTest.side("B & C", env, ComparisonTest.values("scimark2", "Composite", "MFLOPS", true, 110, 111))), 0.05);
        String html = write("html", comparison);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("B &amp; C"));
        for (String outside : new String[] {"<script", "http://", "https://", "src=", "<link", "@import", "url("}) {
            assertFalse(html.contains(outside), outside + " would fetch or run something");
        }
        String study = write("html", study());
        assertEquals(22, study.split("<svg").length - 1, "one chart per metric");
    }

    @Test
    void csvHasAHeaderAndOneLinePerMetricAndSideQuotedAndDefused() throws IOException {
        SideEnvironment env = ComparisonTest.HOST;
        Comparison comparison = Comparisons.compare(List.of(
            ComparisonTest.side("=HYPERLINK(\"x\")", env, ComparisonTest.values("scimark2", "Composite", "MFLOPS", true, 100, 102)),
            ComparisonTest.side("KVM, big", env, ComparisonTest.values("scimark2", "Composite", "MFLOPS", true, 110, 111))), 0.05);
        String[] lines = write("csv", comparison).split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("group,test,metric,unit,higher_is_better,side,baseline,n,mean"));
        assertTrue(lines[1].contains(",\"'=HYPERLINK(\"\"x\"\")\",true,2,101,"), lines[1]);
        assertTrue(lines[2].contains(",\"KVM, big\",false,2,110.5,"), lines[2]);
        assertTrue(lines[2].contains(",better,\"KVM, big\",110 111"), lines[2]);
    }

    @Test
    void jsonOfAComparisonHoldsEveryRowAndFlag() throws IOException {
        JsonNode json = Json.MAPPER.readTree(write("json", study()));
        assertEquals(22, json.get("rows").size());
        assertEquals("cpu", json.at("/rows/0/group").asText());
        assertEquals("untested", json.at("/rows/0/differences/0/verdict").asText());
        assertEquals(2, json.get("sides").size());
        assertTrue(json.get("flags").size() >= 2);
    }

    @Test
    void jsonExportImportsIntoAnotherHistoryWithTheSameTrialsAndIsCaughtTheSecondTime() throws IOException {
        Path file = folder.resolve("export.json");
        List<RunRecord> originals;
        try (History xen = History.open(folder.resolve("xen.db"))) {
            Runs.scimark(xen, "XenServer VM", Runs.XEN, "large", 300.5, 299.25, 301);
            Runs.network(xen, "XenServer VM", Runs.XEN, new double[] {1.0, 1.1}, new double[] {35, 34});
            Files.write(file, write("json", Exports.of(xen, "XenServer VM")));
            originals = xen.runsLabelled("XenServer VM");
        }
        try (History kvm = History.open(folder.resolve("kvm.db"))) {
            Runs.scimark(kvm, "KVM VM", Runs.KVM, "large", 290, 291);
            ImportResult result = Importer.importFile(kvm, file, null, false);
            assertEquals("hyperlab", result.format());
            assertEquals(2, result.runs().size());
            List<RunRecord> imported = kvm.runsLabelled("XenServer VM");
            for (int i = 0; i < originals.size(); i++) {
                assertEquals(originals.get(i).trials(), imported.get(i).trials());
                assertEquals(originals.get(i).environment(), imported.get(i).environment());
                assertEquals(originals.get(i).run().uid(), imported.get(i).run().uid());
                assertEquals(originals.get(i).options(), imported.get(i).options());
                assertEquals("hyperlab", imported.get(i).run().imported().source());
            }
            assertThrows(ConflictException.class, () -> Importer.importFile(kvm, file, null, false));
            assertEquals(3, kvm.listRuns().size());
            Comparison comparison = Comparisons.compare(kvm, List.of(new Side.Label("KVM VM"), new Side.Label("XenServer VM")), 0.05);
            assertEquals("XenServer VM", ComparisonTest.difference(comparison, "scimark2", "Composite").better());
        }
    }

    @Test
    void ptsExportImportsBackWithEveryTrialPerLabelAndDirection() throws IOException {
        Path file = folder.resolve("composite.xml");
        Map<String, List<Double>> before;
        try (History history = History.open(folder.resolve("a.db"))) {
            Runs.scimark(history, "XenServer VM", Runs.XEN, "large", 300.5, 299.25, 301);
            Runs.scimark(history, "KVM VM", Runs.KVM, "large", 290, 291.125);
            Runs.network(history, "KVM VM", Runs.KVM, new double[] {1.5, 1.25}, new double[] {32, 33});
            Files.write(file, write("pts", Exports.of(history, null)));
            before = values(history);
        }
        String xml = Files.readString(file);
        assertTrue(xml.contains("<Identifier>pts/scimark2-1.3.2</Identifier>") && xml.contains("<Arguments>TEST_COMPOSITE</Arguments>"), xml);
        assertTrue(xml.contains("<RawString>300.5:299.25:301</RawString>"), xml);
        assertTrue(xml.contains("<Identifier>hyperlab/iperf-udp</Identifier>") && xml.contains("<Proportion>LIB</Proportion>"), xml);
        assertEquals(2, xml.split("<System>").length - 1, "one System per label");
        try (History other = History.open(folder.resolve("b.db"))) {
            ImportResult result = Importer.importFile(other, file, null, false);
            assertEquals(List.of("scimark2", "iperf-udp"), result.mappedTests());
            assertEquals(before, values(other));
        }
    }

    @Test
    void aComparisonAsPtsReadsBackAsOneSystemPerSide() throws IOException {
        Path file = folder.resolve("study.xml");
        Files.writeString(file, write("pts", study()));
        try (History history = History.open(folder.resolve("h.db"))) {
            ImportResult result = Importer.importFile(history, file, null, false);
            assertEquals(List.of("XenServer VM (thesis-2021)", "KVM VM (thesis-2021)"), result.runs().stream().map(ImportResult.Run::label).toList());
            RunRecord kvm = history.run(result.runs().get(1).id());
            assertEquals(List.of(293.45), ImportTest.metric(kvm, "scimark2", "Composite").values());
            assertEquals(List.of(1.513), ImportTest.metric(kvm, "iperf-udp", "Jitter").values());
            assertFalse(ImportTest.metric(kvm, "iperf-udp", "Jitter").higherIsBetter());
        }
    }

    @Test
    void jsonThatIsNotAnExportIsRefused() throws IOException {
        Path other = folder.resolve("other.json");
        Files.writeString(other, "{\"format\": \"something-else\", \"version\": 1, \"runs\": []}");
        Path newer = folder.resolve("newer.json");
        Files.writeString(newer, "{\"format\": \"hyperlab-export\", \"version\": 2, \"runs\": []}");
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"hyperlab-export\", \"version\": 1, \"runs\": [ {\"uid\": ");
        try (History history = History.open(folder.resolve("h.db"))) {
            assertTrue(assertThrows(InvalidInputException.class, () -> Importer.importFile(history, other, null, false))
                .getMessage().contains("not a HyperLab export"));
            assertTrue(assertThrows(InvalidInputException.class, () -> Importer.importFile(history, newer, null, false))
                .getMessage().contains("export of version 2; this HyperLab reads version 1"));
            assertTrue(assertThrows(InvalidInputException.class, () -> Importer.importFile(history, broken, null, false))
                .getMessage().contains("is not a HyperLab JSON export (line 1"));
            assertEquals(0, history.listRuns().size());
        }
    }

    @Test
    void exportFormatsWriteEveryRun() throws IOException {
        try (History history = History.open(folder.resolve("h.db"))) {
            Runs.scimark(history, "A", Runs.KVM, "large", 100, 101);
            Runs.network(history, "A", Runs.KVM, new double[] {1.5, 1.25}, new double[] {32, 33});
            Export export = Exports.of(history, "A");
            String csv = new String(write("csv", export), StandardCharsets.UTF_8);
            assertEquals(1 + 2 * 2 + 2 * 2, csv.split("\r\n").length, "a header and one line per value");
            String md = new String(write("md", export), StandardCharsets.UTF_8);
            assertTrue(md.contains("## Run 1: A (completed)") && md.contains("### iperf-udp"), md);
            String html = new String(write("html", export), StandardCharsets.UTF_8);
            assertTrue(html.contains("<svg") && !html.contains("http"), html);
            String table = new String(write("table", export), StandardCharsets.UTF_8);
            assertTrue(table.contains("100.00 101.00"), table);
        }
    }

    @Test
    void unknownFormatsAreRefusedWithTheList() {
        assertTrue(assertThrows(InvalidInputException.class, () -> ReportFormats.get("pdf")).getMessage()
            .contains("choose table, md, csv, json, html, pts"));
    }
}
