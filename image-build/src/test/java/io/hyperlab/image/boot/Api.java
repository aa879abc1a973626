package io.hyperlab.image.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The appliance's REST API through the forwarded HTTPS port. It accepts the appliance's
 * self-signed certificate, as a user does after comparing its fingerprint, and keeps it so the
 * test can compare that fingerprint with what the appliance shows.
 */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient client;
    private final Recording trust = new Recording();
    private String csrf = "";

    Api(int port) throws Exception {
        base = URI.create("https://127.0.0.1:" + port);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        client = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The status of GET path, or -1 while nothing answers. */
    int status(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SHA-256 of the certificate the server showed, as AB:CD:... */
    String fingerprint() throws Exception {
        if (trust.seen == null) {
            throw new AssertionError("no certificate seen yet");
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(trust.seen.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    boolean login(String user, String password) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/login", Map.of("username", user, "password", password));
        if (response.statusCode() != 200) {
            return false;
        }
        csrf = JSON.readTree(response.body()).path("csrfToken").asText();
        return true;
    }

    JsonNode get(String path) throws Exception {
        return body(send("GET", path, null), 200);
    }

    JsonNode post(String path, Object body, int expected) throws Exception {
        return body(send("POST", path, body), expected);
    }

    JsonNode put(String path, Object body, int expected) throws Exception {
        return body(send("PUT", path, body), expected);
    }

    private JsonNode body(HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + " (expected " + expected + "): " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = request(path).header("X-CSRF-Token", csrf);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    /** Trusts the server's certificate and remembers it; no hostname check (the test reaches it as 127.0.0.1). */
    private static final class Recording extends X509ExtendedTrustManager {
        volatile X509Certificate seen;

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            seen = chain[0];
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            seen = chain[0];
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen = chain[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
