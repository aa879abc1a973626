package io.hyperlab.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.TextGUIThread;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.dialogs.ActionListDialogBuilder;
import com.googlecode.lanterna.gui2.dialogs.MessageDialog;
import com.googlecode.lanterna.gui2.dialogs.MessageDialogButton;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A running console and what every feature may use: the daemon client, the cached data, the
 * event stream, the GUI, and helpers that keep API calls off the GUI thread and bring their
 * results back to it. It also logs out by itself after the auto-logout time without a key.
 */
public final class Console implements AutoCloseable {
    private static final long TICK_MS = 1000;

    private final ConsoleOptions options;
    private final DaemonClient client;
    private final HotData hot;
    private final EventStream events;
    private final ConsoleSettings settings;
    private final Screen screen;
    private final MultiWindowTextGUI gui;
    private final ExecutorService background;
    private final ScheduledExecutorService ticker;
    private final CountDownLatch quit = new CountDownLatch(1);
    private final AtomicBoolean redrawPending = new AtomicBoolean();
    private volatile long lastKeyNanos = System.nanoTime();
    private volatile String notice;
    private Frame frame;

    private Console(ConsoleOptions options, DaemonClient client, Terminal terminal) throws IOException {
        this.options = options;
        this.client = client;
        this.settings = ConsoleSettings.load(options.settingsFile());
        this.background = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "hyperlab-console-api");
            thread.setDaemon(true);
            return thread;
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hyperlab-console-tick");
            thread.setDaemon(true);
            return thread;
        });
        this.hot = new HotData(client, background);
        this.events = new EventStream(client);
        this.screen = new TerminalScreen(terminal);
        this.screen.startScreen();
        this.screen.setCursorPosition(null);
        this.gui = new MultiWindowTextGUI(textGui -> new GuiThread(textGui, this::quit), screen) {
            @Override
            public synchronized boolean handleInput(KeyStroke key) {
                lastKeyNanos = System.nanoTime();
                return super.handleInput(key);
            }
        };
        gui.setTheme(Frame.THEME);
        gui.getGUIThread().setExceptionHandler(new TextGUIThread.ExceptionHandler() {
            @Override
            public boolean onIOException(IOException e) {
                return true;
            }

            @Override
            public boolean onRuntimeException(RuntimeException e) {
                // A fault in one screen must not take the console down, nor print over it.
                onGui(() -> message("Internal error", "The console met an error it did not expect: " + e
                    + ". The screen goes on; please report it with what you did."));
                return false;
            }
        });
    }

    /** Takes the terminal and shows the main screen with these features and the daemon's health, read before. */
    static Console open(ConsoleOptions options, DaemonClient client, Terminal terminal, List<Feature> features, JsonNode health) {
        Console console;
        try {
            console = new Console(options, client, terminal);
        } catch (IOException e) {
            throw new ConsoleException("cannot use this terminal: " + e.getMessage(), false, e);
        }
        console.hot.put(ConsoleMain.HEALTH, health);
        console.frame = new Frame(console, features);
        console.hot.addListener(console::redrawSoon);
        console.events.start();
        GuiThread thread = (GuiThread) console.gui.getGUIThread();
        thread.invokeLater(console.frame::show);
        thread.start();
        console.ticker.scheduleWithFixedDelay(console::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        return console;
    }

    public ConsoleOptions options() {
        return options;
    }

    public DaemonClient client() {
        return client;
    }

    public HotData hot() {
        return hot;
    }

    public EventStream events() {
        return events;
    }

    public ConsoleSettings settings() {
        return settings;
    }

    public WindowBasedTextGUI gui() {
        return gui;
    }

    public TerminalSize size() {
        return screen.getTerminalSize();
    }

    /**
     * Does blocking work (an API call) off the GUI thread, then hands its result to {@code done}
     * on the GUI thread; a failure shows as a message saying what could not be done.
     */
    public <T> void run(String doing, Callable<T> work, Consumer<T> done) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (ConsoleException e) {
                onGui(() -> failed(doing, e));
                return;
            } catch (Exception e) {
                onGui(() -> failed(doing, new ConsoleException(String.valueOf(e.getMessage()), false, e)));
                return;
            }
            onGui(() -> done.accept(result));
        });
    }

    /** Runs blocking work off the GUI thread with no result to show. */
    public void inBackground(Runnable work) {
        background.execute(work);
    }

    /** Runs on the GUI thread (soon, when called from another). */
    public void onGui(Runnable action) {
        try {
            gui.getGUIThread().invokeLater(action);
        } catch (IllegalStateException e) {
            // The GUI has stopped: the console is closing.
        }
    }

    public void message(String title, String text) {
        MessageDialog.showMessageDialog(gui, title, String.join("\n", Text.wrap(text, Math.max(20, size().getColumns() - 10))),
            MessageDialogButton.OK);
    }

    /**
     * Gives the terminal to another program (a shell) until it ends, then takes it back and
     * redraws; called on the GUI thread, which so stops reading keys meanwhile. Returns its exit code.
     */
    public int runOutside(List<String> command) {
        try {
            screen.stopScreen();
            Process process = new ProcessBuilder(command).inheritIO().start();
            int exit = process.waitFor();
            screen.startScreen();
            screen.setCursorPosition(null);
            return exit;
        } catch (IOException e) {
            throw new ConsoleException("cannot run " + command.get(0) + ": " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            redrawSoon();
        }
    }

    /** Offers a short list of actions (Esc: none); returns the chosen index, or -1. */
    public int choose(String title, String text, List<String> items) {
        int[] chosen = {-1};
        ActionListDialogBuilder builder = new ActionListDialogBuilder().setTitle(title).setDescription(text).setCanCancel(true);
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            builder.addAction(items.get(i), () -> chosen[0] = index);
        }
        builder.build().showDialog(gui);
        return chosen[0];
    }

    /** Asks on the GUI thread from a worker (e.g. in a form's submit) and waits for the answer: F8 yes, Esc no. */
    public boolean confirmFromWorker(String title, String text) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        onGui(() -> answer.complete(confirm(title, text)));
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks before something that cannot be undone: F8 confirms, Esc cancels. */
    public boolean confirm(String title, String text) {
        return new ConfirmDialog(this, title, text).ask();
    }

    /** Opens the login dialog when the console is not logged in; true when it is logged in after. */
    public boolean ensureLoggedIn() {
        if (client.loggedIn()) {
            return true;
        }
        LoginDialog.show(this);
        return client.loggedIn();
    }

    /** Logs out at the daemon, then shows why on the main screen. */
    public void logout(String why) {
        closeDialogs();
        inBackground(() -> {
            client.logout();
            onGui(() -> sessionChanged(why));
        });
    }

    /** After a login or logout: new data, a new event stream, and a line on the main screen. */
    public void sessionChanged(String why) {
        notice = why;
        hot.invalidateAll();
        events.sessionChanged();
        if (frame != null) {
            frame.redraw();
        }
    }

    /** Shows a line on the main screen's notice row until the highlight moves. */
    public void announce(String text) {
        notice = text;
        redrawSoon();
    }

    /** A line for the main screen's status row (e.g. why the console logged out), or null. */
    String notice() {
        return notice;
    }

    void clearNotice() {
        notice = null;
    }

    /** Redraws the main screen with fresh data (F5). */
    public void refreshAll() {
        notice = null;
        hot.invalidateAll();
    }

    /** Redraws the main screen from the cache (on the GUI thread, coalesced). */
    public void redrawSoon() {
        if (redrawPending.compareAndSet(false, true)) {
            onGui(() -> {
                redrawPending.set(false);
                if (frame != null) {
                    frame.redraw();
                }
            });
        }
    }

    /** Asks to quit (Esc on the main menu); F8 quits. */
    void askToQuit() {
        if (confirm("Quit", "Leave the HyperLab console?" + (client.loggedIn() ? " It logs out first." : ""))) {
            quit();
        }
    }

    void quit() {
        quit.countDown();
    }

    /** Waits until the user quits; false when the time ran out first. */
    public boolean awaitQuit(Duration timeout) throws InterruptedException {
        return quit.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void awaitQuit() throws InterruptedException {
        quit.await();
    }

    private void tick() {
        Duration idle = Duration.ofNanos(System.nanoTime() - lastKeyNanos);
        if (client.loggedIn() && idle.compareTo(settings.autoLogout()) >= 0) {
            lastKeyNanos = System.nanoTime();
            onGui(() -> logout("Logged out after " + settings.autoLogout().toMinutes() + " min without a key press."));
            return;
        }
        redrawSoon();
    }

    private void failed(String doing, ConsoleException e) {
        if (e instanceof DaemonError error && error.loggedOut()) {
            closeDialogs();
            sessionChanged("The session has ended; log in again.");
            return;
        }
        message("Cannot " + doing, e.getMessage());
    }

    /** Closes every window but the main screen, e.g. when the session ends under them. */
    private void closeDialogs() {
        for (Window window : List.copyOf(gui.getWindows())) {
            if (frame == null || window != frame.window()) {
                window.close();
            }
        }
    }

    /** Logs out, gives the terminal back and stops every thread the console started. */
    @Override
    public void close() {
        ticker.shutdownNow();
        events.close();
        if (client.loggedIn()) {
            client.logout();
        }
        background.shutdownNow();
        GuiThread thread = (GuiThread) gui.getGUIThread();
        thread.stop();
        if (Thread.currentThread() != thread.getThread()) {
            try {
                thread.waitForStop(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            screen.stopScreen();
        } catch (IOException e) {
            // The terminal is gone already.
        }
        quit.countDown();
    }
}
