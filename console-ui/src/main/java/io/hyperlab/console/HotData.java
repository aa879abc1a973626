package io.hyperlab.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * The console's one cached view of the daemon, as xsconsole's HotData: a screen asks for a
 * resource by its API path and gets what is cached at once (or nothing yet); a stale or missing
 * entry is fetched in the background, and the listeners (the frame) redraw when it arrives.
 * F5 drops everything so each screen shows fresh data.
 */
public final class HotData {
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /** What is known of one resource: its value or the error reading it, and when. */
    public record Item(JsonNode value, ConsoleException error, long fetchedAtNanos) {
        public boolean ok() {
            return value != null;
        }
    }

    private final DaemonClient client;
    private final ExecutorService background;
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, Boolean> fetching = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    HotData(DaemonClient client, ExecutorService background) {
        this.client = client;
        this.background = background;
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** What is cached for this path (maybe stale), or null while the first fetch is under way. */
    public Item get(String path) {
        Item item = items.get(path);
        if (item == null || System.nanoTime() - item.fetchedAtNanos() > FRESH_FOR.toNanos()) {
            fetch(path);
        }
        return item;
    }

    /** The cached value, or null (not fetched yet, or it failed). */
    public JsonNode value(String path) {
        Item item = get(path);
        return item == null ? null : item.value();
    }

    /** Stores what the console already read, e.g. the health check made before the screen opened. */
    public void put(String path, JsonNode value) {
        items.put(path, new Item(value, null, System.nanoTime()));
        notifyListeners();
    }

    /** Drops one resource, e.g. after an action changed it. */
    public void invalidate(String path) {
        items.remove(path);
        fetch(path);
    }

    /** Drops everything (F5, log in or out). */
    public void invalidateAll() {
        items.clear();
        notifyListeners();
    }

    private void fetch(String path) {
        if (fetching.putIfAbsent(path, Boolean.TRUE) != null) {
            return;
        }
        try {
            background.execute(() -> {
                Item item;
                try {
                    item = new Item(client.get(path), null, System.nanoTime());
                } catch (ConsoleException e) {
                    item = new Item(null, e, System.nanoTime());
                } finally {
                    fetching.remove(path);
                }
                items.put(path, item);
                notifyListeners();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            fetching.remove(path);
        }
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
