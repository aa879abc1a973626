package io.hyperlab.host.xapi;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.xapi.server.TestCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays xen-api's recorded JSON-RPC exchanges over HTTPS, as xen-api's own component test
 * server does: each request must be the next method of the recording being played, with exactly
 * the recorded params, and gets the recorded result or error; anything else gets HTTP 500.
 */
final class RecordingServer implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
        .build();

    private JsonNode recording;
    private final List<String> methods = new ArrayList<>();
    private final List<String> received = new ArrayList<>();
    private final TestCertificate certificate = TestCertificate.create("localhost");
    private final HttpServer server;

    private RecordingServer(Vertx vertx) {
        server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions())
            .setHost("127.0.0.1").setPort(0));
        server.requestHandler(this::handle);
    }

    /** Every recording in a test resource file, by test id (xapi-24/...). */
    static Map<String, JsonNode> load(String file) {
        try (InputStream in = RecordingServer.class.getResourceAsStream("/io/hyperlab/host/xapi/recordings/" + file)) {
            JsonNode root = JSON.readTree(in);
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                byId.put(entry.getKey(), entry.getValue());
            }
            return byId;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordingServer start(Vertx vertx) {
        RecordingServer replay = new RecordingServer(vertx);
        replay.server.listen().await();
        return replay;
    }

    /** Plays {@code next} from its first call on. */
    synchronized RecordingServer play(JsonNode next) {
        recording = next;
        methods.clear();
        received.clear();
        next.path("method").forEach(method -> methods.add(method.asText()));
        return this;
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.actualPort());
    }

    Fingerprint fingerprint() {
        return certificate.fingerprint();
    }

    /** The recorded params of {@code method}, as sent. */
    synchronized List<Object> params(String method) {
        return JSON.convertValue(recording.path("params").path(method), JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
    }

    /** The methods received in order, each only counted when it matched the recording. */
    synchronized List<String> matched() {
        return List.copyOf(received);
    }

    synchronized List<String> recordedMethods() {
        return List.copyOf(methods);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String reply;
            synchronized (this) {
                reply = answer(body.toString());
            }
            if (reply == null) {
                request.response().setStatusCode(500).end("Rpc server failed to handle the client request!");
            } else {
                request.response().putHeader("content-type", "application/json").end(reply);
            }
        });
    }

    private String answer(String body) {
        try {
            JsonNode call = JSON.readTree(body);
            String method = call.path("method").asText();
            int next = received.size();
            JsonNode expectedParams = JSON.readTree(JSON.writeValueAsString(recording.path("params").path(method)));
            JsonNode sentParams = JSON.readTree(JSON.writeValueAsString(call.path("params")));
            if (next >= methods.size() || !methods.get(next).equals(method) || !expectedParams.equals(sentParams)) {
                return null;
            }
            received.add(method);
            ObjectNode reply = JSON.createObjectNode();
            reply.put("jsonrpc", "2.0");
            reply.set("id", call.get("id"));
            reply.setAll((ObjectNode) recording.path("expected_result").path(method));
            return JSON.writeValueAsString(reply);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.close().await();
    }
}
