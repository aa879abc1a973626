package io.hyperlab.report;

import io.hyperlab.report.Document.Block;
import io.hyperlab.report.Document.Grid;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** GitHub-flavoured Markdown: headings, lists and pipe tables (numbers aligned right). */
final class MarkdownFormat extends DocumentFormat {
    @Override
    public String id() {
        return "md";
    }

    @Override
    public String fileExtension() {
        return "md";
    }

    @Override
    public String mediaType() {
        return "text/markdown; charset=utf-8";
    }

    @Override
    boolean drawsCharts() {
        return false;
    }

    @Override
    void render(Document document, Writer out) throws IOException {
        out.write("# " + escape(document.title()) + "\n");
        for (Block block : document.blocks()) {
            if (block instanceof Document.Heading heading) {
                out.write("\n" + "#".repeat(heading.level()) + " " + escape(heading.text()) + "\n\n");
            } else if (block instanceof Document.Text text) {
                out.write("\n" + escape(text.text()) + "\n");
            } else if (block instanceof Document.Bullets bullets) {
                for (String item : bullets.items()) {
                    out.write("- " + escape(item) + "\n");
                }
            } else if (block instanceof Grid grid) {
                out.write("\n" + table(grid));
            }
        }
    }

    private static String table(Grid grid) {
        List<String> headers = new ArrayList<>();
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < grid.headers().size(); i++) {
            headers.add(cell(grid.header(i)));
            rule.add(grid.rightAligned(i) ? "---:" : "---");
        }
        StringBuilder out = new StringBuilder(row(headers)).append(row(rule));
        for (List<String> cells : grid.rows()) {
            out.append(row(cells.stream().map(MarkdownFormat::cell).toList()));
        }
        return out.toString();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String cell(String text) {
        return escape(text).replace("|", "\\|");
    }

    /** Keeps user text (labels) from being read as Markdown or HTML. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")
            .replace("`", "\\`").replace("[", "\\[").replace("]", "\\]").replace("\n", " ");
    }
}
