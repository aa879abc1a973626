package io.hyperlab.host.xapi.server;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A template's {@code other_config["disks"]}: {@code <provision><disk device size sr bootable type/></provision>}. */
final class ProvisionSpec {
    record Disk(String device, long size, String sr, boolean bootable, String type) {
    }

    private ProvisionSpec() {
    }

    static List<Disk> parse(String xml) {
        if (xml.isBlank()) {
            return List.of();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            List<Disk> disks = new ArrayList<>();
            NodeList nodes = root.getElementsByTagName("disk");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element disk = (Element) nodes.item(i);
                disks.add(new Disk(disk.getAttribute("device"), Long.parseLong(disk.getAttribute("size")),
                    disk.getAttribute("sr"), Boolean.parseBoolean(disk.getAttribute("bootable")), disk.getAttribute("type")));
            }
            return disks;
        } catch (Exception e) {
            throw new XapiFault("INTERNAL_ERROR", "cannot read the provision spec: " + e.getMessage());
        }
    }
}
