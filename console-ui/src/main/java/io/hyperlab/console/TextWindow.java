package io.hyperlab.console;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import java.util.ArrayList;
import java.util.List;

/** A long read-only page (a run's detail, a report) that scrolls with the arrows and Page keys; Esc back. */
public final class TextWindow extends ConsoleWindow {
    private TextWindow(Console console, String title, Pane content) {
        super(title, Window.Hint.MODAL, Window.Hint.EXPANDED);
        // Two columns fewer for the text than for the box: the vertical scroll bar takes one.
        int width = Math.max(20, console.size().getColumns() - 8);
        List<String> lines = new ArrayList<>();
        for (Pane.Line line : content.lines()) {
            lines.addAll(line.rows(width - 2));
        }
        TextBox text = new TextBox(new TerminalSize(width, Math.max(3, console.size().getRows() - 8)), String.join("\n", lines),
            TextBox.Style.MULTI_LINE);
        text.setReadOnly(true);
        Panel panel = new Panel();
        panel.addComponent(text);
        panel.addComponent(Frame.keysLabel("<Up/Down/PgUp/PgDn> Scroll  <Esc> Back"));
        setComponent(panel);
    }

    public static void show(Console console, String title, Pane content) {
        console.gui().addWindowAndWait(new TextWindow(console, title, content));
    }
}
