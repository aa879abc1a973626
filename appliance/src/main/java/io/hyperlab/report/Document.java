package io.hyperlab.report;

import java.util.List;

/**
 * What a report says, before a format writes it: headings, text, tables and bar charts. The
 * terminal, Markdown and HTML formats each render the same document, so they never disagree.
 */
record Document(String title, List<Block> blocks) {
    Document {
        blocks = List.copyOf(blocks);
    }

    sealed interface Block permits Heading, Text, Bullets, Grid, Chart {
    }

    record Heading(int level, String text) implements Block {
    }

    record Text(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
        Bullets {
            items = List.copyOf(items);
        }
    }

    /** A table; header names starting with '>' are numbers, aligned right (the '>' is not shown). */
    record Grid(List<String> headers, List<List<String>> rows) implements Block {
        Grid {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + headers.size() + " columns");
                }
            }
        }

        boolean rightAligned(int column) {
            return headers.get(column).startsWith(">");
        }

        String header(int column) {
            return rightAligned(column) ? headers.get(column).substring(1) : headers.get(column);
        }
    }

    /** Horizontal bars, one per side or metric, each with an optional whisker from {@code low} to {@code high}. */
    record Chart(String title, String unit, List<Bar> bars) implements Block {
        Chart {
            bars = List.copyOf(bars);
        }
    }

    record Bar(String label, double value, Double low, Double high) {
    }
}
