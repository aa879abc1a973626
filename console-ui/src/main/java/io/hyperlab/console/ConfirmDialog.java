package io.hyperlab.console;

import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Asks before an action that cannot be undone, as xsconsole does: F8 confirms, Esc cancels. */
final class ConfirmDialog extends ConsoleWindow {
    private final Console console;
    private boolean confirmed;

    ConfirmDialog(Console console, String title, String text) {
        super(title, Window.Hint.MODAL, Window.Hint.CENTERED);
        this.console = console;
        Panel content = new Panel();
        int width = Math.min(60, console.size().getColumns() - 8);
        content.addComponent(new Label(String.join("\n", Text.wrap(text, width))));
        content.addComponent(new EmptySpace());
        content.addComponent(Frame.keysLabel("<F8> Confirm   <Esc> Cancel"));
        setComponent(content);
    }

    /** Shows the question and waits for F8 or Esc (on the GUI thread). */
    boolean ask() {
        console.gui().addWindowAndWait(this);
        return confirmed;
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        if (key.getKeyType() == KeyType.F8) {
            confirmed = true;
            close();
            return true;
        }
        return super.handleInput(key);
    }
}
