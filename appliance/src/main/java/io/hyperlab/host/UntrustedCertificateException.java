package io.hyperlab.host;

import io.hyperlab.HyperLabException;

/**
 * The host's TLS certificate is not the one pinned: either none is pinned yet (first connect:
 * show {@link #seen()} to the user and ask them to confirm it with {@code --fingerprint}) or it
 * changed since ({@link #pinned()} is the one expected). Nothing was sent to the host.
 */
public class UntrustedCertificateException extends HyperLabException {
    private final String host;
    private final Fingerprint seen;
    private final Fingerprint pinned;

    public UntrustedCertificateException(String host, Fingerprint seen, Fingerprint pinned) {
        this(host, seen, pinned, null);
    }

    /**
     * With {@code advice} (a sentence) in place of "confirm it with --fingerprint", for when
     * confirming would not help, e.g. a pool member sent us to its coordinator: "connect to the
     * coordinator xen0.lab instead".
     */
    public UntrustedCertificateException(String host, Fingerprint seen, Fingerprint pinned, String advice) {
        super(message(host, seen, pinned, advice));
        this.host = host;
        this.seen = seen;
        this.pinned = pinned;
    }

    public String host() {
        return host;
    }

    public Fingerprint seen() {
        return seen;
    }

    /** The fingerprint expected, or null on a first connect. */
    public Fingerprint pinned() {
        return pinned;
    }

    private static String message(String host, Fingerprint seen, Fingerprint pinned, String advice) {
        if (advice != null) {
            return "the TLS certificate of " + host + (pinned == null ? " is not trusted" : " is not the one pinned ("
                + pinned + ")") + "; it presented SHA-256 " + seen + ". Nothing was sent. " + advice;
        }
        if (pinned == null) {
            return "the TLS certificate of " + host + " is not trusted yet; its SHA-256 fingerprint is " + seen
                + ". Check it on the host's console (openssl x509 -noout -fingerprint -sha256 -in /etc/xensource/xapi-ssl.pem)"
                + " and, if it matches, confirm it with --fingerprint " + seen;
        }
        return "the TLS certificate of " + host + " CHANGED: expected SHA-256 " + pinned + " but the host presented " + seen
            + ". Nothing was sent. If the host's certificate was renewed on purpose, confirm the new one with --fingerprint "
            + seen + "; otherwise someone may be intercepting the connection";
    }
}
