package io.hyperlab.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * XML-RPC values as xapi writes them in ova.xml: a struct is a {@code Map}, an array a
 * {@code List}, a boolean {@code <boolean>}, and every other scalar (numbers included, as
 * xapi's 64-bit integers do not fit XML-RPC's int) a plain {@code <value>} string.
 */
public final class XmlRpc {
    private XmlRpc() {
    }

    /** The value as one {@code <value>} element. */
    public static String encode(Object value) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            write(xml, value);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void write(XMLStreamWriter xml, Object value) throws XMLStreamException {
        xml.writeStartElement("value");
        if (value instanceof Map<?, ?> map) {
            xml.writeStartElement("struct");
            for (Map.Entry<?, ?> member : map.entrySet()) {
                xml.writeStartElement("member");
                xml.writeStartElement("name");
                xml.writeCharacters(String.valueOf(member.getKey()));
                xml.writeEndElement();
                write(xml, member.getValue());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } else if (value instanceof List<?> list) {
            xml.writeStartElement("array");
            xml.writeStartElement("data");
            for (Object item : list) {
                write(xml, item);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        } else if (value instanceof Boolean flag) {
            xml.writeStartElement("boolean");
            xml.writeCharacters(flag ? "1" : "0");
            xml.writeEndElement();
        } else if (value instanceof String || value instanceof Number) {
            xml.writeCharacters(value.toString());
        } else {
            throw new IllegalArgumentException("XML-RPC has no encoding here for " + value
                + "; allowed: Map, List, Boolean, String, Number");
        }
        xml.writeEndElement();
    }

    /**
     * Reads one document whose root is a {@code <value>}: structs become ordered maps, arrays
     * lists, booleans {@code Boolean}, every other scalar its text.
     */
    public static Object decode(InputStream in) throws IOException {
        // Errors are XvaFormatException: the XML-RPC read here is ova.xml.
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(in).getDocumentElement();
            if (!root.getTagName().equals("value")) {
                throw new XvaFormatException("XML-RPC document starts with <" + root.getTagName() + ">, expected <value>");
            }
            return read(root);
        } catch (SAXException | ParserConfigurationException e) {
            throw new XvaFormatException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static Object read(Element value) throws XvaFormatException {
        Element typed = firstChild(value);
        if (typed == null) {
            return value.getTextContent();
        }
        switch (typed.getTagName()) {
            case "struct": {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Element member : children(typed, "member")) {
                    Element name = onlyChild(member, "name");
                    map.put(name.getTextContent(), read(onlyChild(member, "value")));
                }
                return map;
            }
            case "array": {
                List<Object> list = new ArrayList<>();
                for (Element item : children(onlyChild(typed, "data"), "value")) {
                    list.add(read(item));
                }
                return list;
            }
            case "boolean":
                return switch (typed.getTextContent().trim()) {
                    case "1" -> Boolean.TRUE;
                    case "0" -> Boolean.FALSE;
                    default -> throw new XvaFormatException("XML-RPC boolean '" + typed.getTextContent() + "'; allowed: 0 or 1");
                };
            default:
                return typed.getTextContent();
        }
    }

    private static Element firstChild(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) throws XvaFormatException {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                if (!element.getTagName().equals(tag)) {
                    throw new XvaFormatException("XML-RPC <" + parent.getTagName() + "> holds <" + element.getTagName()
                        + ">, expected <" + tag + ">");
                }
                found.add(element);
            }
        }
        return found;
    }

    private static Element onlyChild(Element parent, String tag) throws XvaFormatException {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        throw new XvaFormatException("XML-RPC <" + parent.getTagName() + "> has no <" + tag + ">");
    }
}
