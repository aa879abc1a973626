package io.hyperlab.report;

import io.hyperlab.report.Document.Bar;
import io.hyperlab.report.Document.Block;
import io.hyperlab.report.Document.Chart;
import io.hyperlab.report.Document.Grid;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML file a user can mail: inline CSS, tables and inline SVG bar charts,
 * no script and nothing fetched from the network. Every text is escaped.
 */
final class HtmlFormat extends DocumentFormat {
    private static final String STYLE = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
        h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1em}
        table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{padding:.25em .6em;border-bottom:1px solid #e4e4e4;text-align:left}
        th{background:#f3f3f3}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        ul.warn li{color:#8a4b00}svg{display:block;margin:.4em 0 1em}svg text{font-size:12px;fill:#222}
        .better{color:#176b00}.worse{color:#a40000}
        """;
    private static final int BAR_HEIGHT = 18;
    private static final int LABEL_WIDTH = 240;
    private static final int PLOT_WIDTH = 420;

    @Override
    public String id() {
        return "html";
    }

    @Override
    public String fileExtension() {
        return "html";
    }

    @Override
    public String mediaType() {
        return "text/html; charset=utf-8";
    }

    @Override
    boolean drawsCharts() {
        return true;
    }

    @Override
    void render(Document document, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(document.title())
            + "</title>\n<style>" + STYLE + "</style></head>\n<body>\n<h1>" + escape(document.title()) + "</h1>\n");
        boolean warnings = false;
        for (Block block : document.blocks()) {
            if (block instanceof Document.Heading heading) {
                warnings = heading.text().equals("Warnings");
                out.write("<h" + heading.level() + ">" + escape(heading.text()) + "</h" + heading.level() + ">\n");
            } else if (block instanceof Document.Text text) {
                out.write("<p>" + escape(text.text()) + "</p>\n");
            } else if (block instanceof Document.Bullets bullets) {
                out.write(warnings ? "<ul class=\"warn\">" : "<ul>");
                for (String item : bullets.items()) {
                    out.write("<li>" + escape(item) + "</li>");
                }
                out.write("</ul>\n");
            } else if (block instanceof Grid grid) {
                out.write(table(grid));
            } else if (block instanceof Chart chart) {
                out.write(svg(chart));
            }
        }
        out.write("</body></html>\n");
    }

    private static String table(Grid grid) {
        StringBuilder html = new StringBuilder("<table><tr>");
        for (int i = 0; i < grid.headers().size(); i++) {
            html.append(grid.rightAligned(i) ? "<th class=\"n\">" : "<th>").append(escape(grid.header(i))).append("</th>");
        }
        html.append("</tr>\n");
        for (List<String> row : grid.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String kind = grid.rightAligned(i) ? " class=\"n\"" : cell.equals("better") ? " class=\"better\""
                    : cell.equals("worse") ? " class=\"worse\"" : "";
                html.append("<td").append(kind).append('>').append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** Horizontal bars from zero, scaled to the largest bar or whisker, each labelled with its value. */
    static String svg(Chart chart) {
        double max = 0;
        for (Bar bar : chart.bars()) {
            max = Math.max(max, Math.max(bar.value(), bar.high() == null ? 0 : bar.high()));
        }
        double scale = max > 0 ? PLOT_WIDTH / max : 0;
        int height = 24 + chart.bars().size() * (BAR_HEIGHT + 6);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg role=\"img\" width=\"").append(LABEL_WIDTH + PLOT_WIDTH + 110).append("\" height=\"").append(height)
            .append("\" aria-label=\"").append(escape(chart.title())).append("\">")
            .append("<text x=\"0\" y=\"14\" font-weight=\"bold\">").append(escape(chart.title())).append("</text>");
        int y = 24;
        int index = 0;
        for (Bar bar : chart.bars()) {
            double width = Math.max(0, bar.value()) * scale;
            svg.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 13).append("\" text-anchor=\"end\">")
                .append(escape(shorten(bar.label()))).append("</text>")
                .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(number(width))
                .append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(index++ == 0 ? "#7a8fa6" : "#3f7fbf").append("\"/>");
            if (bar.low() != null && bar.high() != null) {
                double low = LABEL_WIDTH + Math.max(0, bar.low()) * scale;
                double high = LABEL_WIDTH + Math.max(0, bar.high()) * scale;
                int mid = y + BAR_HEIGHT / 2;
                svg.append("<path d=\"M").append(number(low)).append(' ').append(mid).append("H").append(number(high))
                    .append("M").append(number(low)).append(' ').append(y + 4).append("V").append(y + BAR_HEIGHT - 4)
                    .append("M").append(number(high)).append(' ').append(y + 4).append("V").append(y + BAR_HEIGHT - 4)
                    .append("\" stroke=\"#111\" fill=\"none\"/>");
            }
            double end = LABEL_WIDTH + Math.max(width, bar.high() == null ? 0 : (bar.high() * scale));
            svg.append("<text x=\"").append(number(end + 6)).append("\" y=\"").append(y + 13).append("\">")
                .append(escape(Numbers.value(bar.value()))).append("</text>");
            y += BAR_HEIGHT + 6;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String shorten(String label) {
        return label.length() <= 36 ? label : label.substring(0, 35) + "…";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
