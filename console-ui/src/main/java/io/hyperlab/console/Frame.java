package io.hyperlab.console;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.SimpleTheme;
import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Borders;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The main screen, laid out as xsconsole's: a header, the menu on the left, the highlighted
 * item's details on the right, a notice row and the keys line at the bottom. It knows features
 * only through {@link Feature}.
 */
public final class Frame {
    static final int MENU_WIDTH = 26;
    /** Eight ANSI colours only, so that it reads the same on the Linux console and in a terminal. */
    static final Theme THEME = SimpleTheme.makeTheme(true, TextColor.ANSI.WHITE, TextColor.ANSI.BLUE, TextColor.ANSI.BLACK,
        TextColor.ANSI.WHITE, TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, TextColor.ANSI.BLUE);
    static final String KEYS = "<Up/Down> Select  <Enter> OK  <F5> Refresh  <Esc> Quit";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final Console console;
    private final List<Feature> features;
    private final BasicWindow window;
    private final Label header = new Label("");
    private final MenuList menu;
    private final Panel pane = new Panel();
    private final Label notice = new Label("");
    private final Label keys = new Label("");
    private int shownIndex = -1;

    Frame(Console console, List<Feature> features) {
        this.console = console;
        this.features = new ArrayList<>(features);
        this.features.sort(Comparator.comparingInt(feature -> feature.entry().priority()));
        this.window = new BasicWindow() {
            @Override
            public boolean handleInput(KeyStroke key) {
                if (key.getKeyType() == KeyType.F5) {
                    console.refreshAll();
                    return true;
                }
                if (key.getKeyType() == KeyType.Escape) {
                    console.askToQuit();
                    return true;
                }
                return super.handleInput(key);
            }
        };
        window.setHints(Set.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
        menu = new MenuList(this::redraw);
        for (Feature feature : this.features) {
            menu.addItem(feature.entry().text(), () -> activate(feature));
        }
        header.setForegroundColor(TextColor.ANSI.BLACK).setBackgroundColor(TextColor.ANSI.CYAN);
        keys.setForegroundColor(TextColor.ANSI.BLACK).setBackgroundColor(TextColor.ANSI.CYAN);
        notice.setForegroundColor(TextColor.ANSI.YELLOW_BRIGHT).addStyle(SGR.BOLD);

        Panel body = new Panel(new LinearLayout(Direction.HORIZONTAL).setSpacing(0));
        body.addComponent(menu.withBorder(Borders.singleLine("HyperLab")),
            LinearLayout.createLayoutData(LinearLayout.Alignment.Fill));
        body.addComponent(pane.withBorder(Borders.singleLine()),
            LinearLayout.createLayoutData(LinearLayout.Alignment.Fill, LinearLayout.GrowPolicy.CanGrow));
        Panel bottom = new Panel();
        bottom.addComponent(notice);
        bottom.addComponent(keys);
        Panel root = new Panel(new BorderLayout());
        root.addComponent(header, BorderLayout.Location.TOP);
        root.addComponent(body, BorderLayout.Location.CENTER);
        root.addComponent(bottom, BorderLayout.Location.BOTTOM);
        window.setComponent(root);
        window.setFocusedInteractable(menu);
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onResized(Window resized, TerminalSize oldSize, TerminalSize newSize) {
                redraw();
            }
        });
    }

    Window window() {
        return window;
    }

    void show() {
        redraw();
        console.gui().addWindow(window);
    }

    /** A keys line for a dialog: the same look as the main screen's. */
    public static Label keysLabel(String text) {
        return new Label(text).setForegroundColor(TextColor.ANSI.BLACK).setBackgroundColor(TextColor.ANSI.CYAN);
    }

    /** Draws the header, the highlighted item's pane and the bottom rows again from the cache. */
    void redraw() {
        TerminalSize size = console.size();
        int columns = size.getColumns();
        DaemonClient client = console.client();
        String left = " HyperLab console  " + client.base();
        String right = (client.loggedIn() ? client.user() + "  " : "not logged in  ") + LocalTime.now().format(CLOCK) + " ";
        header.setText(Text.pad(Text.cut(left, Math.max(0, columns - right.length())), Math.max(0, columns - right.length())) + right);
        String text = console.notice();
        notice.setText(Text.pad(Text.cut(text == null ? "" : " " + text, columns), columns));
        keys.setText(Text.pad(Text.cut(" " + KEYS, columns), columns));

        int index = menu.getSelectedIndex();
        Feature feature = index >= 0 && index < features.size() ? features.get(index) : null;
        if (index != shownIndex) {
            shownIndex = index;
            console.clearNotice();
        }
        Pane content = new Pane();
        if (feature != null) {
            if (feature.entry().needsLogin() && !client.loggedIn()) {
                content.title(feature.entry().text()).blank().hint("Log in to use this: press <Enter>.");
            } else {
                feature.status(content, console);
            }
        }
        int width = Math.max(10, columns - MENU_WIDTH - 4);
        int height = Math.max(3, size.getRows() - 6);
        render(content, width, height);
    }

    private void render(Pane content, int width, int height) {
        pane.removeAllComponents();
        List<Label> labels = new ArrayList<>();
        for (Pane.Line line : content.lines()) {
            for (String row : line.rows(width)) {
                labels.add(styled(row, line.style()));
            }
        }
        if (labels.size() > height) {
            labels = new ArrayList<>(labels.subList(0, height - 1));
            labels.add(new Label("... more: press <Enter>").setForegroundColor(TextColor.ANSI.CYAN));
        }
        labels.forEach(pane::addComponent);
    }

    private static Label styled(String text, Pane.Style style) {
        Label label = new Label(text);
        switch (style) {
            case TITLE -> label.setForegroundColor(TextColor.ANSI.YELLOW_BRIGHT).addStyle(SGR.BOLD);
            case HINT -> label.setForegroundColor(TextColor.ANSI.CYAN_BRIGHT);
            case ERROR -> label.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT).setBackgroundColor(TextColor.ANSI.RED);
            case SECRET -> label.setForegroundColor(TextColor.ANSI.YELLOW_BRIGHT).addStyle(SGR.BOLD);
            default -> {
            }
        }
        return label;
    }

    private void activate(Feature feature) {
        if (feature.entry().needsLogin() && !console.ensureLoggedIn()) {
            return;
        }
        console.clearNotice();
        feature.activate(console);
        redraw();
    }

    /** The menu: an action list that tells the frame when the highlight moves, so the right pane follows. */
    private static final class MenuList extends ActionListBox {
        private final Runnable moved;

        MenuList(Runnable moved) {
            super(new TerminalSize(MENU_WIDTH - 2, 10));
            this.moved = moved;
        }

        @Override
        public Result handleKeyStroke(KeyStroke key) {
            int before = getSelectedIndex();
            Result result = super.handleKeyStroke(key);
            if (getSelectedIndex() != before) {
                moved.run();
            }
            return result;
        }
    }
}
