package io.hyperlab.host.xapi;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server certificate by its SHA-256 fingerprint, as SSH trusts host keys: XenServer hosts
 * present self-signed certificates that no CA vouches for, so the pin is the identity check.
 * Without a pin it accepts the first certificate (trust on first use) and records what it saw,
 * so the caller can show it and pin it; with a pin any other certificate is refused.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final CertificateFingerprint pinned;
    private volatile CertificateFingerprint seen;

    PinningTrustManager(CertificateFingerprint pinned) {
        this.pinned = pinned;
    }

    /** The pin this manager enforces, or null when it trusts on first use. */
    CertificateFingerprint pinned() {
        return pinned;
    }

    /** The fingerprint of the last certificate a server presented, or null before any handshake. */
    CertificateFingerprint seen() {
        return seen;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        verify(chain);
    }

    private void verify(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        CertificateFingerprint fingerprint = CertificateFingerprint.of(chain[0]);
        seen = fingerprint;
        if (pinned != null && !pinned.equals(fingerprint)) {
            throw new CertificateException("certificate fingerprint " + fingerprint + " is not the pinned " + pinned);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
