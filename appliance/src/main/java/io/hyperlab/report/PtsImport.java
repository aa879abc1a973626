package io.hyperlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import io.hyperlab.bench.RunRequest;
import io.hyperlab.bench.env.Environment;
import io.hyperlab.history.ImportedRun;
import io.hyperlab.history.Measurement;
import io.hyperlab.history.RunInfo;
import io.hyperlab.history.RunStatus;
import io.hyperlab.history.Trial;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a PTS composite.xml into runs, one per System: SciMark and RAMspeed results become our
 * tests and metrics; other tests are kept under their PTS identifier. PTS runs each metric as
 * its own execution, so trial k of a test holds the k-th value of each of its metrics. The
 * parser refuses DTDs, so no external entity or entity expansion can run.
 */
final class PtsImport {
    private static final Pattern SPLIT_FACTS = Pattern.compile(", (?=[A-Z][A-Za-z /-]*: )");
    private static final Pattern CORES = Pattern.compile("\\((\\d+) Cores?(?: / (\\d+) Threads)?\\)");
    private static final Pattern MEMORY = Pattern.compile("^(?:(\\d+) x )?(\\d+(?:\\.\\d+)?) ?(MB|GB|TB)");

    /** The runs and what mapped, ready to store. */
    record Parsed(List<ImportedRun> runs, List<String> mapped, List<String> kept) {
    }

    private PtsImport() {
    }

    static Parsed parse(String fileName, byte[] bytes, String label, Instant now) {
        Element root = read(fileName, bytes).getDocumentElement();
        if (!root.getTagName().equals("PhoronixTestSuite")) {
            throw new InvalidInputException(fileName + " is XML but not a Phoronix Test Suite result file: its root element is <"
                + root.getTagName() + ">, not <PhoronixTestSuite>");
        }
        List<Element> systems = children(root, "System");
        if (systems.isEmpty()) {
            throw new InvalidInputException(fileName + " holds no <System>: a PTS result file names each system it tested");
        }
        if (label != null && systems.size() > 1) {
            throw new InvalidInputException("--label renames the one system of a file, but " + fileName + " holds " + systems.size()
                + " systems (" + String.join(", ", systems.stream().map(s -> text(s, "Identifier")).toList()) + "); import it without --label");
        }
        Set<String> mapped = new LinkedHashSet<>();
        Set<String> kept = new LinkedHashSet<>();
        List<ImportedRun> runs = new ArrayList<>();
        String digest = sha256(bytes);
        Element generated = first(root, "Generated");
        for (Element system : systems) {
            String id = text(system, "Identifier");
            Map<String, Map<String, List<Double>>> byTest = new LinkedHashMap<>();
            Map<String, Measurement> shapes = new LinkedHashMap<>();
            for (Element result : children(root, "Result")) {
                PtsTests.map(text(result, "Identifier"), text(result, "Title"), text(result, "Arguments"), text(result, "Description"),
                    text(result, "Scale")).ifPresent(m -> {
                        boolean higher = !"LIB".equalsIgnoreCase(text(result, "Proportion"));
                        for (Element entry : children(first(result, "Data"), "Entry")) {
                            if (text(entry, "Identifier").equals(id)) {
                                List<Double> values = values(fileName, result, entry, id);
                                if (!values.isEmpty()) {
                                    byTest.computeIfAbsent(m.test(), t -> new LinkedHashMap<>())
                                        .computeIfAbsent(m.metric(), x -> new ArrayList<>()).addAll(values);
                                    shapes.putIfAbsent(m.test() + "\n" + m.metric(), new Measurement(m.metric(), m.unit(), higher, 0));
                                    (m.known() ? mapped : kept).add(m.test());
                                }
                            }
                        }
                    });
            }
            if (!byTest.isEmpty()) {
                runs.add(run(fileName, digest, generated, system, RunRequest.checkLabel(label == null ? id : label), byTest, shapes, now));
            }
        }
        if (mapped.isEmpty()) {
            throw new InvalidInputException(fileName + " holds no test HyperLab knows" + (kept.isEmpty() ? "" : " (it has: "
                + String.join(", ", kept) + ")") + "; HyperLab imports PTS results of pts/scimark2 and pts/ramspeed,"
                + " keeping any other test of the same file as it is");
        }
        return new Parsed(runs, List.copyOf(mapped), List.copyOf(kept));
    }

    private static ImportedRun run(String fileName, String digest, Element generated, Element system, String label,
                                   Map<String, Map<String, List<Double>>> byTest, Map<String, Measurement> shapes, Instant now) {
        Instant at = time(text(system, "TimeStamp"), time(generated == null ? "" : text(generated, "LastModified"), now));
        List<Trial> trials = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        byTest.forEach((test, metrics) -> {
            settings.putAll(PtsTests.settings(test));
            int count = metrics.values().stream().mapToInt(List::size).max().orElse(0);
            for (int k = 0; k < count; k++) {
                List<Measurement> measurements = new ArrayList<>();
                for (Map.Entry<String, List<Double>> metric : metrics.entrySet()) {
                    if (k < metric.getValue().size()) {
                        Measurement shape = shapes.get(test + "\n" + metric.getKey());
                        measurements.add(new Measurement(shape.metric(), shape.unit(), shape.higherIsBetter(), metric.getValue().get(k)));
                    }
                }
                trials.add(new Trial(test, k + 1, at, at, measurements));
            }
        });
        String hardware = text(system, "Hardware");
        String software = text(system, "Software");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("source", "pts");
        options.put("title", generated == null ? "" : text(generated, "Title"));
        options.put("testClient", generated == null ? "" : text(generated, "TestClient"));
        options.put("hardware", hardware);
        options.put("software", software);
        options.put("settings", settings);
        String uid = "pts-" + sha256((digest + "\n" + text(system, "Identifier")).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        return new ImportedRun(uid, "pts", label, RunStatus.COMPLETED, json(options), at, at, null,
            environment(hardware, software, text(system, "TestClientVersion")), trials, new RunInfo.Imported("pts", fileName, now));
    }

    /** The machine as PTS describes it: "Processor: X @ 2.20GHz (4 Cores / 8 Threads), Memory: 16GB, ..."; unknowns are 0 or null. */
    static Environment environment(String hardware, String software, String clientVersion) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String text : List.of(hardware, software)) {
            for (String part : SPLIT_FACTS.split(text)) {
                int colon = part.indexOf(": ");
                if (colon > 0) {
                    facts.putIfAbsent(part.substring(0, colon).trim(), part.substring(colon + 2).trim());
                }
            }
        }
        String processor = facts.get("Processor");
        String cpuModel = null;
        int cpus = 0;
        if (processor != null) {
            Matcher cores = CORES.matcher(processor);
            if (cores.find()) {
                cpus = Integer.parseInt(cores.group(2) != null ? cores.group(2) : cores.group(1));
            }
            cpuModel = CORES.matcher(processor).replaceAll("").trim();
        }
        long memory = 0;
        Matcher m = MEMORY.matcher(facts.getOrDefault("Memory", ""));
        if (m.find()) {
            long unit = switch (m.group(3)) {
                case "MB" -> 1L << 20;
                case "GB" -> 1L << 30;
                default -> 1L << 40;
            };
            memory = (long) (Double.parseDouble(m.group(2)) * unit) * (m.group(1) == null ? 1 : Long.parseLong(m.group(1)));
        }
        String kernel = facts.get("Kernel");
        return new Environment(facts.getOrDefault("System Layer", "unknown"), null, cpuModel, cpus, memory,
            kernel == null ? null : kernel.replaceAll(" \\(.*\\)$", ""), facts.get("OS"), null,
            "PTS " + (clientVersion.isBlank() ? "unknown" : clientVersion), null);
    }

    private static List<Double> values(String fileName, Element result, Element entry, String system) {
        String raw = text(entry, "RawString");
        String text = raw.isBlank() ? text(entry, "Value") : raw;
        List<Double> values = new ArrayList<>();
        if (text.isBlank()) {
            return values;
        }
        for (String token : text.split(":")) {
            try {
                double value = Double.parseDouble(token.trim());
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                values.add(value);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(fileName + ": the result " + text(result, "Identifier") + " " + text(result, "Arguments").trim()
                    + " of system " + system + " holds '" + text + "', not numbers separated by ':'; nothing was imported");
            }
        }
        return values;
    }

    private static Document read(String fileName, byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new InvalidInputException(fileName + " declares a DOCTYPE; HyperLab refuses DTDs and entities in imported files"
                    + " (they can read local files or exhaust memory), and PTS never writes one; nothing was imported");
            }
            throw new InvalidInputException(fileName + " is not well-formed XML (line " + e.getLineNumber() + ", column "
                + e.getColumnNumber() + ": " + e.getMessage() + "); nothing was imported");
        } catch (SAXException | IOException e) {
            throw new InvalidInputException(fileName + " cannot be read as XML: " + e.getMessage() + "; nothing was imported");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this Java has no secure XML parser", e);
        }
    }

    private static Instant time(String text, Instant fallback) {
        try {
            return text.isBlank() ? fallback : LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element first(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element element = first(parent, name);
        return element == null ? "" : element.getTextContent();
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an imported run's options", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
