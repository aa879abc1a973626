package io.hyperlab.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the right-hand pane shows, as a feature describes it: a title, fields, text, a table,
 * a bar. The frame lays it out for the pane's width; a feature never draws by itself.
 */
public final class Pane {
    /** How a line looks. */
    public enum Style { TITLE, TEXT, FIELD, HINT, ERROR, SECRET }

    /** One line of the pane; a field's name is in {@code name}, else it is null. */
    public record Line(Style style, String name, String text) {
        /** The line as it shows in this width: wrapped, a field's name before its first row. */
        List<String> rows(int width) {
            if (name == null) {
                return Text.wrap(text, width);
            }
            List<String> rows = new ArrayList<>();
            List<String> wrapped = Text.wrap(text, Math.max(8, width - FIELD_WIDTH));
            for (int i = 0; i < wrapped.size(); i++) {
                rows.add(Text.pad(i == 0 ? Text.cut(name, FIELD_WIDTH - 1) : "", FIELD_WIDTH) + wrapped.get(i));
            }
            return rows;
        }
    }

    static final int FIELD_WIDTH = 16;
    private final List<Line> lines = new ArrayList<>();

    public Pane title(String text) {
        lines.add(new Line(Style.TITLE, null, text));
        return this;
    }

    public Pane text(String text) {
        lines.add(new Line(Style.TEXT, null, text));
        return this;
    }

    public Pane hint(String text) {
        lines.add(new Line(Style.HINT, null, text));
        return this;
    }

    public Pane error(String text) {
        lines.add(new Line(Style.ERROR, null, text));
        return this;
    }

    public Pane blank() {
        lines.add(new Line(Style.TEXT, null, ""));
        return this;
    }

    /** A named value; null or empty values show as a dash. */
    public Pane field(String name, Object value) {
        String text = value == null || value.toString().isEmpty() ? "-" : value.toString();
        lines.add(new Line(Style.FIELD, name, text));
        return this;
    }

    /** A value the user must see plainly and copy, e.g. a one-time password, highlighted. */
    public Pane secret(String name, String value) {
        lines.add(new Line(Style.SECRET, name, value));
        return this;
    }

    /** Columns padded to their widest cell; the last column takes what is left. */
    public Pane table(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        lines.add(new Line(Style.HINT, null, Text.row(headers, widths)));
        for (List<String> row : rows) {
            lines.add(new Line(Style.TEXT, null, Text.row(row, widths)));
        }
        return this;
    }

    /** A progress bar of the pane's width and the percentage. */
    public Pane bar(String name, double fraction) {
        lines.add(new Line(Style.FIELD, name, Text.bar(fraction, 30)));
        return this;
    }

    /**
     * What a screen needs from the cache: the value, or null after writing why there is none
     * (still loading, or the daemon's error).
     */
    public JsonNode item(HotData.Item item, String what) {
        if (item == null) {
            hint("Reading " + what + "...");
            return null;
        }
        if (!item.ok()) {
            error("Cannot read " + what + ": " + item.error().getMessage());
            return null;
        }
        return item.value();
    }

    public List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }
}
