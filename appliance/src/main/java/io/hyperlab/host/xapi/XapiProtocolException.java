package io.hyperlab.host.xapi;

import io.hyperlab.HyperLabException;

/**
 * The server did not speak XAPI's JSON-RPC: an HTTP error page, a body that is not JSON, or a
 * reply that breaks the wire format. Nothing the user typed is wrong; the server or the path is.
 */
public class XapiProtocolException extends HyperLabException {
    public XapiProtocolException(String message) {
        super(message);
    }
}
