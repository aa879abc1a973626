package io.hyperlab.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The daemon's server-sent events ({@code /api/v1/events}) on a thread of their own, handed to
 * listeners as they come. While the console is logged in the stream stays open; after a break it
 * reconnects with {@code Last-Event-ID}, so no event in between is missed.
 */
public final class EventStream implements AutoCloseable {
    /** One event: its name (e.g. {@code trial.done}) and its JSON data. */
    public record Event(long id, String type, JsonNode data) {
    }

    private static final long RETRY_MS = 2000;

    private final DaemonClient client;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile int session;
    private volatile Stream<String> open;
    private long lastId;
    private Thread thread;

    EventStream(DaemonClient client) {
        this.client = client;
    }

    public void addListener(Consumer<Event> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Event> listener) {
        listeners.remove(listener);
    }

    synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::loop, "hyperlab-events");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        while (!closed) {
            if (!client.loggedIn()) {
                pause();
                continue;
            }
            try {
                int opened = session;
                HttpResponse<Stream<String>> response = client.events(lastId);
                try (Stream<String> lines = response.body()) {
                    open = lines;
                    read(lines.iterator(), opened);
                }
            } catch (ConsoleException | java.io.UncheckedIOException e) {
                // The daemon went away or the session ended: try again shortly.
            } finally {
                open = null;
            }
            pause();
        }
    }

    private void read(Iterator<String> lines, int opened) {
        long id = 0;
        String type = "message";
        StringBuilder data = new StringBuilder();
        while (!closed && opened == session && lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    dispatch(id, type, data.toString());
                }
                type = "message";
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = parseId(line.substring(3).strip());
            } else if (line.startsWith("event:")) {
                type = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
            }
        }
    }

    private void dispatch(long id, String type, String data) {
        if (id > 0) {
            lastId = id;
        }
        JsonNode node;
        try {
            node = DaemonClient.JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return;
        }
        Event event = new Event(id, type, node);
        for (Consumer<Event> listener : listeners) {
            listener.accept(event);
        }
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private synchronized void pause() {
        try {
            wait(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** The console logged in or out: drop the stream of the old session and open one for the new at once. */
    public void sessionChanged() {
        session++;
        Stream<String> lines = open;
        if (lines != null) {
            lines.close();
        }
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        sessionChanged();
    }
}
