package io.hyperlab.report;

import io.hyperlab.report.Document.Block;
import io.hyperlab.report.Document.Grid;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Plain text for a terminal: headings underlined, tables with columns padded and numbers aligned right. */
final class TableFormat extends DocumentFormat {
    @Override
    public String id() {
        return "table";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    boolean drawsCharts() {
        return false;
    }

    @Override
    void render(Document document, Writer out) throws IOException {
        out.write(document.title() + "\n" + "=".repeat(Math.min(document.title().length(), 100)) + "\n");
        for (Block block : document.blocks()) {
            if (block instanceof Document.Heading heading) {
                out.write("\n" + heading.text() + (heading.level() <= 2 ? "\n" + "-".repeat(heading.text().length()) : ":") + "\n");
            } else if (block instanceof Document.Text text) {
                out.write(text.text() + "\n");
            } else if (block instanceof Document.Bullets bullets) {
                for (String item : bullets.items()) {
                    out.write("- " + item + "\n");
                }
            } else if (block instanceof Grid grid) {
                out.write(render(grid, "  ") + "\n");
            }
        }
    }

    static String render(Grid grid, String indent) {
        int columns = grid.headers().size();
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = grid.header(i).length();
            for (List<String> row : grid.rows()) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, grid, java.util.stream.IntStream.range(0, columns).mapToObj(grid::header).toList(), widths);
        for (List<String> row : grid.rows()) {
            line(out, indent, grid, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String indent, Grid grid, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.size(); i++) {
            String pad = " ".repeat(widths[i] - cells.get(i).length());
            line.append(grid.rightAligned(i) ? pad + cells.get(i) : cells.get(i) + pad).append("  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
