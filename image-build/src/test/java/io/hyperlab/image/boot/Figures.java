package io.hyperlab.image.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures a boot test measured, printed and kept in a file for the report. */
final class Figures {
    private final Path file;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(Path file) {
        this.file = file;
    }

    void put(String name, Object value) {
        values.put(name, value);
        System.out.println("figure: " + name + " = " + value);
    }

    void write() throws IOException {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(name).append(" = ").append(value).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
