package io.hyperlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperlab.Json;
import io.hyperlab.task.TaskEvent;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Server-sent events at {@code /api/v1/events}: every task event as {@code event: TYPE},
 * {@code id: N}, {@code data: JSON}. The last events are kept, so a client that reconnects with
 * {@code Last-Event-ID} (browsers do it by themselves) misses nothing in between.
 */
final class EventsApi {
    static final String ADDRESS = "hyperlab.events";
    static final int KEPT = 500;
    private static final long KEEP_ALIVE_MS = 15_000;

    private final Vertx vertx;
    private final Deque<Frame> recent = new ArrayDeque<>();
    private long sequence;

    /** One event as the stream sends it. */
    private record Frame(long id, String text) {
    }

    EventsApi(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Hears a task event (on the task's thread) and sends it to every open stream. */
    void publish(TaskEvent event) {
        String data;
        try {
            data = Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a task event as JSON", e);
        }
        Frame frame;
        synchronized (recent) {
            frame = new Frame(++sequence, "id: " + (sequence) + "\nevent: " + event.type().id() + "\ndata: " + data + "\n\n");
            recent.addLast(frame);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        vertx.eventBus().publish(ADDRESS, frame.id() + " " + frame.text());
    }

    void mount(Router router) {
        router.get("/api/v1/events").handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
            .putHeader("Content-Type", "text/event-stream; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .putHeader("X-Accel-Buffering", "no");
        response.write("retry: 2000\n\n");
        long presented = lastEventId(ctx);
        long[] lastSent = {presented >= 0 ? presented : currentSequence()};
        MessageConsumer<String> consumer = vertx.eventBus().consumer(ADDRESS, message -> {
            String body = message.body();
            int space = body.indexOf(' ');
            long id = Long.parseLong(body.substring(0, space));
            if (id > lastSent[0] && !response.ended()) {
                lastSent[0] = id;
                response.write(body.substring(space + 1));
            }
        });
        // Events published while the consumer was being registered are in the kept ones.
        for (Frame frame : since(lastSent[0])) {
            response.write(frame.text());
            lastSent[0] = frame.id();
        }
        long keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, timer -> {
            if (!response.ended()) {
                response.write(": keep-alive\n\n");
            }
        });
        response.closeHandler(closed -> {
            consumer.unregister();
            vertx.cancelTimer(keepAlive);
        });
    }

    /** The client's last seen event (header, or ?since= for clients that cannot set headers), or -1 for none. */
    private static long lastEventId(RoutingContext ctx) {
        String text = ctx.request().getHeader("Last-Event-ID");
        if (text == null) {
            text = ctx.request().getParam("since");
        }
        if (text == null) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private List<Frame> since(long id) {
        synchronized (recent) {
            return recent.stream().filter(frame -> frame.id() > id).toList();
        }
    }

    private long currentSequence() {
        synchronized (recent) {
            return sequence;
        }
    }
}
