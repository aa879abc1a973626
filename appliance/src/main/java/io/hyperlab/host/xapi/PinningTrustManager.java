package io.hyperlab.host.xapi;

import io.hyperlab.host.Fingerprint;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server certificate by its SHA-256 fingerprint, as SSH trusts host keys: XenServer hosts
 * present self-signed certificates that no CA vouches for, so the pin is the identity check.
 * It records the fingerprint of every certificate it sees, and refuses any but the pinned one;
 * without a pin (first connect) it refuses all, so the caller can show the fingerprint seen and
 * let the user confirm it: nothing, not even the password, is sent before that.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final Fingerprint pinned;
    private volatile Fingerprint seen;

    PinningTrustManager(Fingerprint pinned) {
        this.pinned = pinned;
    }

    /** The pin this manager enforces, or null on a first connect. */
    Fingerprint pinned() {
        return pinned;
    }

    /** The fingerprint of the last certificate a server presented, or null before any handshake. */
    Fingerprint seen() {
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
        Fingerprint fingerprint = Fingerprint.ofCertificate(chain[0].getEncoded());
        seen = fingerprint;
        if (!fingerprint.equals(pinned)) {
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
