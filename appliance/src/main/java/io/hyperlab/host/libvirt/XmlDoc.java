package io.hyperlab.host.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reading libvirt's XML answers with XPath; DTDs and external entities are refused. */
final class XmlDoc {
    private final Node root;

    private XmlDoc(Node root) {
        this.root = root;
    }

    static XmlDoc parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return new XmlDoc(factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("libvirt answered with XML that does not parse: " + e.getMessage(), e);
        }
    }

    /** The text of the first match, or null when there is none (or it is empty). */
    String text(String xpath) {
        Node node = node(xpath);
        if (node == null) {
            return null;
        }
        String value = node.getTextContent().strip();
        return value.isEmpty() ? null : value;
    }

    Long number(String xpath) {
        String value = text(xpath);
        return value == null ? null : Long.parseLong(value);
    }

    boolean has(String xpath) {
        return node(xpath) != null;
    }

    /** Every match, each as a document of its own for relative queries. */
    List<XmlDoc> all(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, root, XPathConstants.NODESET);
            List<XmlDoc> result = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                result.add(new XmlDoc(nodes.item(i)));
            }
            return result;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + xpath, e);
        }
    }

    private Node node(String xpath) {
        try {
            return (Node) XPathFactory.newInstance().newXPath().evaluate(xpath, root, XPathConstants.NODE);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + xpath, e);
        }
    }
}
