package io.hyperlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of the daemon's server-sent events, parsing each frame as it arrives. */
final class EventStream implements AutoCloseable {
    record Event(long id, String type, JsonNode data) {
    }

    private final HttpClient client;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder pending = new StringBuilder();
    final HttpClientResponse response;

    EventStream(Vertx vertx, TestDaemon lab, String token, Long lastEventId) {
        client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(true)
            .setTrustOptions(new PemTrustOptions().addCertPath(lab.daemon.certificate().certFile().toString())));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(lab.daemon.port())
            .setURI("/api/v1/events").putHeader("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            options.putHeader("Last-Event-ID", lastEventId.toString());
        }
        response = TestDaemon.await(client.request(options).compose(request -> request.send().map(r -> {
            r.handler(chunk -> parse(chunk.toString()));
            return r;
        })));
    }

    private synchronized void parse(String chunk) {
        pending.append(chunk);
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
            String frame = pending.substring(0, end);
            pending.delete(0, end + 2);
            long id = -1;
            String type = null;
            String data = null;
            for (String line : frame.split("\n")) {
                if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (type != null) {
                try {
                    events.add(new Event(id, type, Json.MAPPER.readTree(data)));
                } catch (IOException e) {
                    throw new AssertionError("an event's data is not JSON: " + data, e);
                }
            }
        }
    }

    /** Every event up to and including the first that matches {@code last}. */
    List<Event> until(Predicate<Event> last, long seconds) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
                if (last.test(event)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no matching event in " + seconds + " s; saw " + seen.stream().map(Event::type).toList());
    }

    @Override
    public void close() {
        client.close();
    }
}
