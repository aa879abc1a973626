package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.host.Fingerprint;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A strict stand-in for a XenServer/XCP-ng host: a real HTTPS server (self-signed certificate
 * made here) answering XAPI's JSON-RPC on {@code /jsonrpc} in both wire formats, checking every
 * call against XAPI's published data model and keeping state, so what a client creates is
 * there when it reads back. Malformed requests get XAPI's HTTP 500 page.
 */
public final class XapiTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerState state;
    private final Dispatcher dispatcher;
    private final HttpServer server;
    private final TestCertificate certificate;
    private final String address;

    private XapiTestServer(ServerState state, HttpServer server, TestCertificate certificate, String address) {
        this.state = state;
        this.dispatcher = new Dispatcher(state);
        this.server = server;
        this.certificate = certificate;
        this.address = address;
    }

    /** Starts a host with {@code host}'s records, on its address at {@code port} (0 for any free port), with a new certificate. */
    public static XapiTestServer start(Vertx vertx, LabHost host, int port, String user, String password) {
        return start(vertx, host, port, user, password, TestCertificate.create(host.name()));
    }

    /** Starts a host that presents the same certificate as {@code other} (a pool sharing one certificate). */
    public static XapiTestServer startWithCertificateOf(XapiTestServer other, Vertx vertx, LabHost host, int port, String user,
                                                       String password) {
        return start(vertx, host, port, user, password, other.certificate);
    }

    private static XapiTestServer start(Vertx vertx, LabHost host, int port, String user, String password,
                                        TestCertificate certificate) {
        ServerState state = new ServerState(new ObjectStore(DataModel.published()), user, password);
        host.seed(state);
        HttpServer http = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
            .setKeyCertOptions(certificate.keyCertOptions()).setHost(host.address()).setPort(port));
        XapiTestServer server = new XapiTestServer(state, http, certificate, host.address());
        http.requestHandler(server::handle);
        http.listen().await();
        return server;
    }

    public String address() {
        return address;
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code https://address:port}, as a user would type it. */
    public URI uri() {
        return URI.create("https://" + address + ":" + port());
    }

    /** The SHA-256 fingerprint of this server's certificate, as the host's console would show it. */
    public Fingerprint fingerprint() {
        return certificate.fingerprint();
    }

    /** Reads the state safely from a test thread. */
    private synchronized <T> T read(Function<ServerState, T> query) {
        return query.apply(state);
    }

    /** How many objects of each class exist now. */
    public Map<String, Integer> census() {
        return read(s -> Map.copyOf(s.store().census()));
    }

    /** Every object of the class as {@code get_all_records} returns it, by reference. */
    public Map<String, JsonNode> records(String className) {
        return read(s -> {
            Map<String, JsonNode> records = new LinkedHashMap<>();
            s.store().allViews(className).properties().forEach(entry -> records.put(entry.getKey(), entry.getValue()));
            return records;
        });
    }

    /** The objects of the class whose {@code field} has this text value. */
    public List<JsonNode> find(String className, String field, String value) {
        return records(className).values().stream().filter(record -> record.path(field).asText().equals(value)).toList();
    }

    /** The reference of the one object of the class whose {@code field} has this text value. */
    public String ref(String className, String field, String value) {
        List<String> refs = records(className).entrySet().stream()
            .filter(entry -> entry.getValue().path(field).asText().equals(value)).map(Map.Entry::getKey).toList();
        if (refs.size() != 1) {
            throw new IllegalStateException(refs.size() + " " + className + " objects have " + field + " = " + value);
        }
        return refs.get(0);
    }

    /** Every method called so far, in order, bad calls included. */
    public List<String> calls() {
        return read(s -> List.copyOf(s.calls()));
    }

    /** The next call of {@code method} (sync or Async) fails with this XAPI error instead of running. */
    public void failNext(String method, String code, String... params) {
        read(s -> {
            s.failNext(method, new XapiFault(code, params));
            return null;
        });
    }

    /** The next Async call of {@code method} never finishes (its task stays pending until cancelled). */
    public void hangNext(String method) {
        read(s -> {
            s.hangNext(method);
            return null;
        });
    }

    /** Ends every session, as a toolstack restart or session timeout does. */
    public void expireSessions() {
        read(s -> {
            s.store().refs("session", session -> true).forEach(ref -> s.store().destroy("session", ref));
            return null;
        });
    }

    /** Ends every session right after the next successful call of {@code method}: a session expiring mid-way. */
    public void expireSessionsAfter(String method) {
        read(s -> {
            s.expireSessionsAfter(method);
            return null;
        });
    }

    /** Makes this host a pool member whose coordinator is at {@code coordinatorAddress}: logins get HOST_IS_SLAVE. */
    public void joinPool(String coordinatorAddress) {
        read(s -> {
            s.coordinator(coordinatorAddress);
            return null;
        });
    }

    /** Offers a CIFS ({@code //server/share}) or NFS ({@code server:/path}) share that an ISO SR can mount. */
    public void addShare(String location, String type, String username, String password, String... files) {
        read(s -> {
            s.addShare(new ServerState.Share(location, type, username, password, new ArrayList<>(List.of(files))));
            return null;
        });
    }

    /** Puts a file into a share, as someone copying an ISO there; SR.scan then finds it. */
    public void addFileToShare(String location, String file) {
        read(s -> s.share(location).files().add(file));
    }

    private void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST || !request.path().equals("/jsonrpc")) {
            request.response().setStatusCode(404).putHeader("content-type", "text/html")
                .end("<html><body><h1>HTTP 404 not found</h1>" + request.path() + "</body></html>");
            return;
        }
        request.body().onSuccess(body -> answer(request, body));
    }

    private void answer(HttpServerRequest request, Buffer body) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body.toString());
        } catch (IOException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.path("method").isTextual() || !envelope.path("params").isArray()
            || !envelope.hasNonNull("id") || !(envelope.get("id").isTextual() || envelope.get("id").isIntegralNumber())) {
            request.response().setStatusCode(500).putHeader("content-type", "text/html").putHeader("connection", "close")
                .end("<html><body><h1>HTTP 500 internal server error</h1>An unexpected error occurred; please wait a while "
                    + "and try again. If the problem persists, please contact your support representative.<h1> Additional "
                    + "information </h1>Jsonrpc.Malformed_method_request(&quot;" + escape(body.toString()) + "&quot;)</body></html>");
            return;
        }
        boolean version2 = envelope.path("jsonrpc").asText().equals("2.0");
        ObjectNode reply = JSON.createObjectNode();
        if (version2) {
            reply.put("jsonrpc", "2.0");
        }
        try {
            JsonNode result;
            synchronized (this) {
                result = dispatcher.dispatch(envelope.get("method").asText(), (ArrayNode) envelope.get("params"));
            }
            reply.set("result", result);
            if (!version2) {
                reply.putNull("error");
            }
        } catch (XapiFault fault) {
            writeError(reply, version2, fault);
        } catch (RuntimeException bug) {
            writeError(reply, version2, new XapiFault("INTERNAL_ERROR", bug.toString()));
        }
        reply.set("id", envelope.get("id"));
        request.response().putHeader("content-type", "application/json").end(reply.toString());
    }

    private static void writeError(ObjectNode reply, boolean version2, XapiFault fault) {
        if (version2) {
            ObjectNode error = reply.putObject("error");
            error.put("code", 1);
            error.put("message", fault.code());
            ArrayNode data = error.putArray("data");
            fault.params().forEach(data::add);
        } else {
            reply.putNull("result");
            ArrayNode error = reply.putArray("error").add(fault.code());
            fault.params().forEach(error::add);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.close().await();
    }
}
