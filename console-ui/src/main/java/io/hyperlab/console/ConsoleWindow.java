package io.hyperlab.console;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Set;

/** A window over the main screen (dialog, list, page): Esc closes it, as everywhere in xsconsole. */
public class ConsoleWindow extends BasicWindow {
    protected ConsoleWindow(String title, Window.Hint... hints) {
        super(title);
        setHints(Set.of(hints));
    }

    /** Whether Esc may close it now (a form waiting for the daemon may not). */
    protected boolean closable() {
        return true;
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        if (key.getKeyType() == KeyType.Escape && closable()) {
            close();
            return true;
        }
        return super.handleInput(key);
    }
}
