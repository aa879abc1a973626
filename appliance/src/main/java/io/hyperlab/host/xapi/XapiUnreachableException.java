package io.hyperlab.host.xapi;

import io.hyperlab.HyperLabException;

/** No XAPI conversation could start: the address does not answer, refuses, or the TLS handshake failed. */
public class XapiUnreachableException extends HyperLabException {
    public XapiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
