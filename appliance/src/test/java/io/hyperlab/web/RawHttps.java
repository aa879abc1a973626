package io.hyperlab.web;

import io.hyperlab.web.TestDaemon.Reply;
import io.vertx.core.MultiMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTPS by hand: the request line goes out exactly as written (no client tidies "/../" away),
 * one request a connection. Trusts any certificate: the tests using it check paths, or compare
 * the certificate themselves.
 */
final class RawHttps {
    private RawHttps() {
    }

    static Reply get(int port, String rawPath) throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, split).split("\r\n");
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.add(head[i].substring(0, colon).strip(), head[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(split + 4));
        }
    }

    static SSLContext trustAll() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }
}
