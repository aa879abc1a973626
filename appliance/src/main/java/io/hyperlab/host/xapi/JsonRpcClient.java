package io.hyperlab.host.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.HostUnreachableException;
import io.hyperlab.host.UntrustedCertificateException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;

/**
 * XAPI's JSON-RPC over HTTPS: POSTs {@code {"jsonrpc":"2.0","method","params","id"}} to
 * {@code /jsonrpc} and reads either wire format back (2.0 error objects, 1.0 error arrays).
 * The server's certificate is checked against a pinned fingerprint (see {@link PinningTrustManager}).
 */
final class JsonRpcClient implements AutoCloseable {
    private static final int MAX_PAGE_TEXT = 300;

    private final XapiEndpoint endpoint;
    private final PinningTrustManager trust;
    private final WebClient web;
    private final long requestTimeoutMillis;
    private final AtomicLong ids = new AtomicLong();

    JsonRpcClient(Vertx vertx, XapiEndpoint endpoint, Fingerprint pin, Duration connectTimeout, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.trust = new PinningTrustManager(pin);
        this.requestTimeoutMillis = requestTimeout.toMillis();
        // Host-name checks are off because the pin is stricter: only this exact certificate passes.
        WebClientOptions options = new WebClientOptions()
            .setSsl(true)
            .setTrustOptions(new PinnedTrustOptions(trust))
            .setVerifyHost(false)
            .setConnectTimeout((int) connectTimeout.toMillis())
            .setUserAgent("HyperLab")
            .setFollowRedirects(false);
        this.web = WebClient.create(vertx, options);
    }

    XapiEndpoint endpoint() {
        return endpoint;
    }

    /** Calls {@code method} with {@code params} as they go on the wire (the session first, where there is one). */
    Future<JsonNode> call(String method, List<?> params) {
        long id = ids.incrementAndGet();
        ObjectNode request = XapiJson.MAPPER.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("method", method);
        request.set("params", XapiJson.MAPPER.valueToTree(params));
        request.put("id", id);
        byte[] body;
        try {
            body = XapiJson.MAPPER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            return Future.failedFuture(new IllegalArgumentException("cannot encode the parameters of " + method, e));
        }
        return web.post(endpoint.port(), endpoint.host(), "/jsonrpc")
            .putHeader("Content-Type", "application/json")
            .timeout(requestTimeoutMillis)
            .sendBuffer(Buffer.buffer(body))
            .recover(failure -> Future.failedFuture(transportFailure(method, failure)))
            .map(response -> read(method, id, response));
    }

    private RuntimeException transportFailure(String method, Throwable failure) {
        Fingerprint seen = trust.seen();
        if (isTls(failure) && seen != null && !seen.equals(trust.pinned())) {
            return new UntrustedCertificateException(endpoint.toString(), seen, trust.pinned());
        }
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (isTls(failure)) {
            return new HostUnreachableException("TLS handshake with XenServer at " + endpoint + " failed during "
                + method + ": " + reason, failure);
        }
        return new HostUnreachableException("cannot reach XenServer at " + endpoint + " (" + method + "): " + reason
            + "; check the address, the port and that the host is up", failure);
    }

    private static boolean isTls(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private JsonNode read(String method, long id, HttpResponse<Buffer> response) {
        String text = response.bodyAsString();
        if (response.statusCode() != 200) {
            throw new XapiProtocolException("XenServer at " + endpoint + " answered " + method + " with HTTP "
                + response.statusCode() + ": " + pageText(text == null ? "" : text));
        }
        JsonNode reply;
        try {
            reply = XapiJson.MAPPER.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new XapiProtocolException("XenServer at " + endpoint + " answered " + method + " with something that is not JSON: "
                + pageText(text));
        }
        if (reply == null || !reply.isObject()) {
            throw malformed(method, "the reply is not a JSON object", reply);
        }
        JsonNode replyId = reply.get("id");
        if (replyId == null || !replyId.asText().equals(Long.toString(id))) {
            throw malformed(method, "the reply's id is not the request's id " + id, reply);
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            throw xapiError(method, error, reply);
        }
        JsonNode result = reply.get("result");
        if (result == null) {
            throw malformed(method, "the reply has neither result nor error", reply);
        }
        return result;
    }

    /** JSON-RPC 2.0: {code, message: "CODE", data: [params] or one value}; 1.0: ["CODE", params...]. */
    private RuntimeException xapiError(String method, JsonNode error, JsonNode reply) {
        if (error.isArray()) {
            if (error.isEmpty() || !error.get(0).isTextual()) {
                return malformed(method, "the error array does not start with an error code", reply);
            }
            List<String> params = new ArrayList<>();
            for (int i = 1; i < error.size(); i++) {
                params.add(error.get(i).asText());
            }
            return new XapiException(method, error.get(0).asText(), params);
        }
        if (!error.isObject() || !error.path("message").isTextual() || !error.path("code").isIntegralNumber()) {
            return malformed(method, "the error is neither {code: integer, message: string, data} nor an array", reply);
        }
        JsonNode data = error.get("data");
        List<String> params = new ArrayList<>();
        if (data != null && data.isArray()) {
            data.forEach(value -> params.add(value.isValueNode() ? value.asText() : value.toString()));
        } else if (data != null && !data.isNull()) {
            params.add(data.isValueNode() ? data.asText() : data.toString());
        }
        return new XapiException(method, error.get("message").asText(), params);
    }

    private XapiProtocolException malformed(String method, String what, JsonNode reply) {
        return new XapiProtocolException("XenServer at " + endpoint + " sent a malformed reply to " + method + ": " + what
            + ": " + pageText(String.valueOf(reply)));
    }

    /** The readable text of an HTML error page (XAPI's HTTP 500 pages), shortened. */
    static String pageText(String page) {
        String text = page.replaceAll("(?s)<[^>]*>", " ")
            .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            .replaceAll("\\s+", " ").strip();
        return text.length() > MAX_PAGE_TEXT ? text.substring(0, MAX_PAGE_TEXT) + "..." : text;
    }

    @Override
    public void close() {
        web.close();
    }
}
