package io.hyperlab.host.xapi;

import io.hyperlab.InvalidInputException;
import java.net.URI;

/** Where a XAPI host listens: its address and HTTPS port (443 unless the URI says otherwise). */
public record XapiEndpoint(String host, int port) {
    public static final int DEFAULT_PORT = 443;

    public XapiEndpoint {
        if (host == null || host.isBlank()) {
            throw new InvalidInputException("XenServer address is empty: give a host name or IP address");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("XenServer port " + port + " is out of range: allowed 1 to 65535");
        }
    }

    /** Reads {@code xapi://host[:port]} or {@code https://host[:port]}, with nothing after the address but "/" or "/jsonrpc". */
    public static XapiEndpoint of(URI uri) {
        String scheme = uri.getScheme();
        if (!"xapi".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new InvalidInputException("URI '" + uri + "' is not a XenServer URI: use xapi://HOST[:PORT] or https://HOST[:PORT]");
        }
        if (uri.getHost() == null) {
            throw new InvalidInputException("URI '" + uri + "' names no host: use xapi://HOST[:PORT] or https://HOST[:PORT]");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/") && !path.equals("/jsonrpc")) || uri.getRawQuery() != null
            || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidInputException("URI '" + uri + "' has more than an address: use xapi://HOST[:PORT] "
                + "or https://HOST[:PORT], and give the user with --user");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new XapiEndpoint(host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
    }

    /** The same port on another host: pool members all serve XAPI on one port. */
    public XapiEndpoint withHost(String otherHost) {
        return new XapiEndpoint(otherHost, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
