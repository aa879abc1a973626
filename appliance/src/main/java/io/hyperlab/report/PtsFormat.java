package io.hyperlab.report;

import io.hyperlab.Version;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.Trial;
import io.hyperlab.report.PtsDocument.PtsEntry;
import io.hyperlab.report.PtsDocument.PtsResult;
import io.hyperlab.report.PtsDocument.PtsSystem;
import io.hyperlab.stats.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A Phoronix Test Suite result file (composite.xml) as PTS writes it: one System per side or
 * label, one Result per test and metric with an Entry per System whose RawString holds every
 * trial joined by ':', so that PTS's merge-results and viewers read HyperLab's results.
 */
final class PtsFormat implements ReportFormat {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public String id() {
        return "pts";
    }

    @Override
    public String fileExtension() {
        return "xml";
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public void write(Comparison comparison, OutputStream out) throws IOException {
        String now = TIME.format(Instant.now());
        List<PtsSystem> systems = comparison.sides().stream()
            .map(side -> system(side.name(), side.environments(), now, side.description()))
            .toList();
        List<PtsResult> results = comparison.rows().stream()
            .map(row -> new PtsResult(PtsTests.profile(row.test(), row.metric(), row.unit()), row.higherIsBetter(),
                row.sides().stream().map(s -> new PtsEntry(s.side(), s.values())).toList()))
            .toList();
        String title = comparison.sides().stream().map(Comparison.SideInfo::name).collect(Collectors.joining(" vs "));
        write(new PtsDocument(title, "HyperLab comparison", systems, results), out);
    }

    @Override
    public void write(Export export, OutputStream out) throws IOException {
        record Key(String test, String metric) {
        }
        Map<String, List<Export.Run>> byLabel = new LinkedHashMap<>();
        Map<Key, Measurement> shapes = new LinkedHashMap<>();
        Map<Key, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (Export.Run run : export.runs()) {
            byLabel.computeIfAbsent(run.label(), l -> new ArrayList<>()).add(run);
            for (Trial trial : run.trials()) {
                for (Measurement m : trial.measurements()) {
                    Key key = new Key(trial.test(), m.metric());
                    shapes.putIfAbsent(key, m);
                    values.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(run.label(), l -> new ArrayList<>()).add(m.value());
                }
            }
        }
        List<PtsSystem> systems = new ArrayList<>();
        byLabel.forEach((label, runs) -> systems.add(system(label,
            runs.stream().filter(r -> r.environment() != null).map(r -> SideEnvironment.of(r.environment())).distinct().toList(),
            TIME.format(runs.get(0).startedAt()),
            "HyperLab runs " + runs.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(", ")))));
        List<PtsResult> results = new ArrayList<>();
        shapes.forEach((key, shape) -> results.add(new PtsResult(PtsTests.profile(key.test(), key.metric(), shape.unit()),
            shape.higherIsBetter(), values.get(key).entrySet().stream().map(e -> new PtsEntry(e.getKey(), e.getValue())).toList())));
        write(new PtsDocument("HyperLab export" + (export.label() == null ? "" : ": " + export.label()),
            "HyperLab export of " + export.runs().size() + " runs", systems, results), out);
    }

    private static PtsSystem system(String name, List<SideEnvironment> environments, String timeStamp, String notes) {
        SideEnvironment env = environments.isEmpty() ? null : environments.get(0);
        List<String> hardware = new ArrayList<>();
        List<String> software = new ArrayList<>();
        if (env != null && env.cpuModel() != null) {
            hardware.add("Processor: " + env.cpuModel() + (env.vcpus() == null ? "" : " (" + env.vcpus() + " Cores)"));
        }
        if (env != null && env.memoryBytes() != null) {
            hardware.add("Memory: " + (env.memoryBytes() >> 20) + "MB");
        }
        if (env != null && env.hypervisor() != null) {
            software.add("System Layer: " + env.hypervisor() + (env.guestType() == null ? "" : " " + env.guestType()));
        }
        return new PtsSystem(name, String.join(", ", hardware), String.join(", ", software), timeStamp, Version.current(), notes);
    }

    static void write(PtsDocument pts, OutputStream out) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = factory.newDocumentBuilder().newDocument();
            Element root = doc.createElement("PhoronixTestSuite");
            doc.appendChild(doc.createComment("HyperLab " + Version.current()));
            doc.appendChild(root);
            Element generated = child(root, "Generated", null);
            child(generated, "Title", pts.title());
            child(generated, "LastModified", TIME.format(Instant.now()));
            child(generated, "TestClient", "HyperLab " + Version.current());
            child(generated, "Description", pts.description());
            for (PtsSystem system : pts.systems()) {
                Element element = child(root, "System", null);
                child(element, "Identifier", system.identifier());
                child(element, "Hardware", system.hardware());
                child(element, "Software", system.software());
                child(element, "User", "");
                child(element, "TimeStamp", system.timeStamp());
                child(element, "TestClientVersion", system.clientVersion());
                child(element, "Notes", system.notes());
            }
            for (PtsResult result : pts.results()) {
                Element element = child(root, "Result", null);
                PtsTests.Profile profile = result.profile();
                child(element, "Identifier", profile.identifier());
                child(element, "Title", profile.title());
                child(element, "AppVersion", profile.appVersion());
                child(element, "Arguments", profile.arguments());
                child(element, "Description", profile.description());
                child(element, "Scale", profile.scale());
                child(element, "Proportion", result.higherIsBetter() ? "HIB" : "LIB");
                child(element, "DisplayFormat", "BAR_GRAPH");
                Element data = child(element, "Data", null);
                for (PtsEntry entry : result.entries()) {
                    Element e = child(data, "Entry", null);
                    child(e, "Identifier", entry.system());
                    child(e, "Value", Numbers.value(Summary.of(entry.values()).mean()));
                    child(e, "RawString", entry.values().stream().map(Numbers::raw).collect(Collectors.joining(":")));
                }
            }
            TransformerFactory transformers = TransformerFactory.newInstance();
            transformers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            out.flush();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write the PTS result file: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElement(name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }
}
