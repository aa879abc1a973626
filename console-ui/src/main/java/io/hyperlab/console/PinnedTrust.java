package io.hyperlab.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the daemon's self-signed certificate by its SHA-256 fingerprint (the one the daemon
 * keeps in {@code DATA/tls/cert.pem}, or one the user confirmed), and any certificate the
 * system trusts. Verification is never turned off: anything else is refused with a message
 * that shows the fingerprint the server presented.
 */
final class PinnedTrust extends X509ExtendedTrustManager {
    private final String pinned;
    private final String pinSource;
    private volatile String refusal;

    private PinnedTrust(String pinned, String pinSource) {
        this.pinned = pinned;
        this.pinSource = pinSource;
    }

    /** Pins the given fingerprint, else the certificate in the data folder when there is one. */
    static PinnedTrust forOptions(ConsoleOptions options) {
        if (options.fingerprint() != null) {
            return new PinnedTrust(options.fingerprint(), "--fingerprint");
        }
        Path cert = options.data().resolve("tls").resolve("cert.pem");
        return new PinnedTrust(readFingerprint(cert), cert.toString());
    }

    SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this Java runtime", e);
        }
    }

    /** Why the last server certificate was refused, or null. */
    String refusal() {
        return refusal;
    }

    String pinned() {
        return pinned;
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot take a certificate's SHA-256", e);
        }
    }

    /** The fingerprint of a PEM certificate file, or null when there is none or it cannot be read. */
    static String readFingerprint(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return fingerprint((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            return null;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> systemTrust().checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> systemTrust().checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> systemTrust().checkServerTrusted(chain, authType));
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, Check systemCheck) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw refuse("the daemon sent no certificate");
        }
        String seen = fingerprint(chain[0]);
        if (seen.equals(pinned)) {
            chain[0].checkValidity();
            refusal = null;
            return;
        }
        try {
            systemCheck.run();
            refusal = null;
        } catch (CertificateException e) {
            if (pinned != null) {
                throw refuse("the daemon's TLS certificate (SHA-256 " + seen + ") is not the one pinned from " + pinSource
                    + " (" + pinned + "); nothing was sent. If the daemon made a new certificate, check its fingerprint on"
                    + " the appliance's status screen and pass it with --fingerprint");
            }
            throw refuse("the daemon's TLS certificate is self-signed or unknown (SHA-256 " + seen + ") and " + pinSource
                + " is not readable here to pin it; nothing was sent. Check the fingerprint on the appliance's status screen"
                + " and pass it with --fingerprint");
        }
    }

    private CertificateException refuse(String message) {
        refusal = message;
        return new CertificateException(message);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the console does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the console does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the console does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** Loaded only when the pin does not match: reading the system's CA list slows the console's start. */
    private static X509ExtendedTrustManager systemTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
            }
            throw new IllegalStateException("this Java runtime has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the system's trusted certificates", e);
        }
    }
}
