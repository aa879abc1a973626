package io.hyperlab.console;

import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.table.Table;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A list to pick from (runs, hosts, VMs): a table that fills the screen, Enter for the row's
 * main action, letter keys for the others (each named on the keys line), Esc back.
 */
public final class TableWindow extends ConsoleWindow {
    private record Action(String name, IntConsumer run) {
    }

    private final Table<String> table;
    private final Map<Character, Action> keys = new LinkedHashMap<>();
    private final IntConsumer onEnter;
    private final Label keysLine;
    private final String enterName;
    private final int rowCount;

    public TableWindow(Console console, String title, String intro, List<String> headers, List<List<String>> rows,
                       String enterName, IntConsumer onEnter) {
        super(title, Window.Hint.MODAL, Window.Hint.EXPANDED);
        this.onEnter = onEnter;
        this.enterName = enterName;
        this.rowCount = rows.size();
        table = new Table<>(headers.toArray(String[]::new));
        for (List<String> row : rows) {
            table.getTableModel().addRow(new ArrayList<>(row));
        }
        table.setVisibleRows(Math.max(3, console.size().getRows() - 10));
        Panel content = new Panel();
        if (intro != null && !intro.isBlank()) {
            content.addComponent(new Label(String.join("\n", Text.wrap(intro, console.size().getColumns() - 10))));
        }
        if (rows.isEmpty()) {
            content.addComponent(new Label("(none)"));
        } else {
            content.addComponent(table);
            setFocusedInteractable(table);
        }
        keysLine = Frame.keysLabel("");
        keysLine.setLabelWidth(console.size().getColumns() - 8);
        content.addComponent(keysLine);
        updateKeys();
        setComponent(content);
    }

    /** Adds a letter key; its action gets the highlighted row, or -1 when the list is empty. */
    public TableWindow key(char key, String name, IntConsumer action) {
        keys.put(Character.toLowerCase(key), new Action(name, action));
        updateKeys();
        return this;
    }

    /** An action for a key that needs a row: nothing happens on an empty list. */
    public static IntConsumer onRow(IntConsumer action) {
        return row -> {
            if (row >= 0) {
                action.accept(row);
            }
        };
    }

    /** Shows the list and waits until Esc (on the GUI thread). */
    public void show(Console console) {
        console.gui().addWindowAndWait(this);
    }

    private void updateKeys() {
        StringBuilder line = new StringBuilder(rowCount > 0 && enterName != null ? "<Enter> " + enterName + "  " : "");
        keys.forEach((key, action) -> line.append("<").append(Character.toUpperCase(key)).append("> ").append(action.name()).append("  "));
        line.append("<Esc> Back");
        keysLine.setText(line.toString());
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        int row = rowCount > 0 ? table.getSelectedRow() : -1;
        if (key.getKeyType() == KeyType.Enter && onEnter != null && row >= 0) {
            onEnter.accept(row);
            return true;
        }
        if (key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            Action action = keys.get(Character.toLowerCase(key.getCharacter()));
            if (action != null) {
                action.run().accept(row);
                return true;
            }
        }
        return super.handleInput(key);
    }
}
