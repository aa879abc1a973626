package io.hyperlab.console;

/**
 * One menu item of the console, in xsconsole's three parts: where it sits in the menu
 * ({@link #entry()}), what the right-hand pane shows while it is highlighted ({@link #status}),
 * and what Enter does ({@link #activate}). The frame knows nothing else of any feature.
 */
public interface Feature {
    /** Where the item sits in the menu. */
    MenuEntry entry();

    /** Fills the right-hand pane; called on the GUI thread, so it reads only cached data ({@link Console#hot()}). */
    void status(Pane pane, Console console);

    /** What Enter does; called on the GUI thread, so API calls go through {@link Console#run}. */
    void activate(Console console);

    /**
     * Where a feature sits in the menu.
     *
     * @param text       the menu's words
     * @param priority   lower comes first
     * @param needsLogin whether it shows anything before the console is logged in
     */
    record MenuEntry(String text, int priority, boolean needsLogin) {
        public MenuEntry {
            if (text == null || text.isBlank() || text.length() > Frame.MENU_WIDTH - 4) {
                throw new IllegalArgumentException("a menu text must be 1 to " + (Frame.MENU_WIDTH - 4) + " characters: '" + text + "'");
            }
        }
    }
}
