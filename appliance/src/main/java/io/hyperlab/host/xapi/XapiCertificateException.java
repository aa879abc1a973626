package io.hyperlab.host.xapi;

import io.hyperlab.HyperLabException;

/**
 * The host presented a certificate other than the pinned one: a reinstalled host, a new
 * certificate, or someone in between. Nothing was sent; the user must check and pin again.
 */
public class XapiCertificateException extends HyperLabException {
    private final CertificateFingerprint pinned;
    private final CertificateFingerprint seen;

    public XapiCertificateException(XapiEndpoint endpoint, CertificateFingerprint pinned, CertificateFingerprint seen) {
        this("the TLS certificate of XenServer at " + endpoint + " has changed: pinned SHA-256 " + pinned
            + ", presented " + seen + "; nothing was sent. If the host's certificate was really renewed, "
            + "check the new fingerprint on the host's console and pin it again", pinned, seen);
    }

    private XapiCertificateException(String message, CertificateFingerprint pinned, CertificateFingerprint seen) {
        super(message);
        this.pinned = pinned;
        this.seen = seen;
    }

    /** A pool member sent us to its coordinator, whose certificate is not the one pinned for the member. */
    static XapiCertificateException atCoordinator(XapiEndpoint member, XapiEndpoint coordinator, XapiCertificateException cause) {
        return new XapiCertificateException("XenServer at " + member + " is a pool member; its pool coordinator at "
            + coordinator + " presents the TLS certificate SHA-256 " + cause.seen + ", not the pinned " + cause.pinned
            + "; nothing was sent. Connect to the coordinator instead, pinning its fingerprint after checking it "
            + "on the coordinator's console", cause.pinned, cause.seen);
    }

    public CertificateFingerprint pinned() {
        return pinned;
    }

    public CertificateFingerprint seen() {
        return seen;
    }
}
