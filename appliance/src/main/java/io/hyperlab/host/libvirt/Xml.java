package io.hyperlab.host.libvirt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small XML element builder for libvirt's documents: every attribute value and text is escaped
 * when written, so a user's value can never add or change markup.
 */
final class Xml {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Xml> children = new ArrayList<>();
    private String text;

    private Xml(String name) {
        this.name = name;
    }

    static Xml element(String name) {
        return new Xml(name);
    }

    /** An element holding only text: {@code <name>text</name>}. */
    static Xml element(String name, Object text) {
        return new Xml(name).text(text);
    }

    Xml attr(String key, Object value) {
        if (value != null) {
            attributes.put(key, value.toString());
        }
        return this;
    }

    Xml text(Object value) {
        this.text = value == null ? null : value.toString();
        return this;
    }

    /** Adds children; null ones are skipped, so optional parts read inline. */
    Xml add(Xml... elements) {
        for (Xml element : elements) {
            if (element != null) {
                children.add(element);
            }
        }
        return this;
    }

    Xml addAll(List<Xml> elements) {
        elements.forEach(this::add);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(out, "");
        return out.toString();
    }

    private void write(StringBuilder out, String indent) {
        out.append(indent).append('<').append(name);
        attributes.forEach((key, value) -> out.append(' ').append(key).append("='").append(escape(value)).append('\''));
        if (children.isEmpty() && text == null) {
            out.append("/>\n");
            return;
        }
        out.append('>');
        if (text != null) {
            out.append(escape(text));
        }
        if (!children.isEmpty()) {
            out.append('\n');
            for (Xml child : children) {
                child.write(out, indent + "  ");
            }
            out.append(indent);
        }
        out.append("</").append(name).append(">\n");
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
