package io.hyperlab.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;

/**
 * The console's only way to the daemon: its REST API over the JDK's HTTP client (quick to
 * start), JSON with Jackson, the web session's cookie and CSRF token after {@link #login}.
 * Every call blocks: never call it on the GUI thread.
 */
public final class DaemonClient {
    public static final String START_DAEMON = "./hyperlab serve";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final HttpClient http;
    private final PinnedTrust trust;
    private volatile String csrf;
    private volatile String user;

    private DaemonClient(URI base, HttpClient http, PinnedTrust trust) {
        this.base = base;
        this.http = http;
        this.trust = trust;
    }

    public static DaemonClient connect(ConsoleOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
            .followRedirects(HttpClient.Redirect.NEVER);
        PinnedTrust trust = null;
        if (options.https()) {
            trust = PinnedTrust.forOptions(options);
            builder.sslContext(trust.context());
        }
        return new DaemonClient(options.url(), builder.build(), trust);
    }

    public URI base() {
        return base;
    }

    /** The logged-in user, or null. */
    public String user() {
        return user;
    }

    public boolean loggedIn() {
        return user != null;
    }

    /** The fingerprint the console trusts the daemon by, or null (plain HTTP, or none pinned). */
    public String pinnedFingerprint() {
        return trust == null ? null : trust.pinned();
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body == null ? Map.of() : body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** Starts a web session; the daemon's answer names the field when the input was bad. */
    public void login(String name, String password) {
        JsonNode session = post("api/v1/login", Map.of("username", name, "password", password));
        csrf = session.path("csrfToken").asText(null);
        user = session.path("user").asText(name);
    }

    /** Ends the session at the daemon (when it still answers) and forgets it here. */
    public void logout() {
        try {
            if (user != null) {
                post("api/v1/logout", null);
            }
        } catch (ConsoleException e) {
            // The session is forgotten here either way; the daemon ends it by itself later.
        } finally {
            forgetSession();
        }
    }

    /** Forgets the session without telling the daemon (it has ended there already). */
    public void forgetSession() {
        user = null;
        csrf = null;
    }

    /** A query string from pairs, leaving out empty values: {@code query("label", "KVM VM")} gives {@code ?label=KVM+VM}. */
    public static String query(String... pairs) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
                joined.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return joined.toString();
    }

    /** Opens the event stream; the lines come as the daemon sends them, until the stream is closed. */
    HttpResponse<Stream<String>> events(long lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve("api/v1/events")).header("Accept", "text/event-stream").GET();
        if (lastEventId > 0) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpResponse<Stream<String>> response = exchange(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            String body = String.join("\n", response.body().toList());
            throw error(response.statusCode(), body);
        }
        return response;
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (body != null) {
            try {
                request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write a request body as JSON", e);
            }
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String token = csrf;
        if (token != null && !method.equals("GET")) {
            request.header("X-CSRF-Token", token);
        }
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            DaemonError error = error(response.statusCode(), response.body());
            if (error.loggedOut() && !path.equals("api/v1/login")) {
                forgetSession();
            }
            throw error;
        }
        if (response.body() == null || response.body().isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ConsoleException("the daemon at " + base + " answered " + method + " /" + path + " with something that is not"
                + " JSON; is it a HyperLab daemon?");
        }
    }

    private URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable("nothing answers there");
        } catch (HttpTimeoutException e) {
            throw new ConsoleException("the daemon at " + base + " did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (SSLException e) {
            String why = trust == null ? null : trust.refusal();
            throw new ConsoleException(why != null ? why : "cannot set up TLS with " + base + ": " + e.getMessage()
                + (base.getScheme().equals("https") ? " (is it serving plain http? then use --url http://...)" : ""), false, e);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw unreachable("nothing answers there");
            }
            throw new ConsoleException("lost the connection to the daemon at " + base + ": " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException("interrupted while waiting for the daemon");
        }
    }

    private ConsoleException unreachable(String why) {
        return new ConsoleException("no HyperLab daemon answers at " + base + " (" + why + "). Start it with: " + START_DAEMON);
    }

    private static DaemonError error(int status, String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node != null && node.has("message")) {
                return new DaemonError(status, node.path("code").asText("error"), node.hasNonNull("field")
                    ? node.get("field").asText() : null, node.get("message").asText(), node);
            }
        } catch (JsonProcessingException e) {
            // Not the daemon's JSON error: described by the status below.
        }
        return new DaemonError(status, "http_" + status, null, "the daemon answered HTTP " + status);
    }
}
