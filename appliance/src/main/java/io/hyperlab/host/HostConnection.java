package io.hyperlab.host;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hyperlab.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach one hypervisor host: our name for it, its kind, URI, user, password (a
 * {@link Secret}: never printed, never in JSON) and, for XAPI, the pinned SHA-256 fingerprint of
 * its TLS certificate (null until the user confirmed one). The URI must suit its kind.
 */
public record HostConnection(String name, HostKind kind, URI uri, String user, @JsonIgnore Secret password,
                             Fingerprint fingerprint) {
    private static final Set<String> QEMU_PATHS = Set.of("/system", "/session");

    public HostConnection {
        Names.require("host name", name);
        Objects.requireNonNull(uri, "uri");
        HostKind fromUri = HostKind.forUri(uri);
        if (kind == null) {
            kind = fromUri;
        } else if (kind != fromUri) {
            throw new InvalidInputException("host URI '" + uri + "' is a " + fromUri.id() + " URI, not " + kind.id());
        }
        if (kind == HostKind.LIBVIRT) {
            checkLibvirt(uri);
            if (fingerprint != null) {
                throw new InvalidInputException("a fingerprint is for XenServer hosts (xapi:// or https://);"
                    + " libvirt checks TLS (qemu+tls://) with its own certificates");
            }
        } else {
            checkXapi(uri);
        }
        if (user != null) {
            if (user.isBlank() || user.length() > 100 || user.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("user '" + Names.printable(user) + "' is not allowed: 1 to 100 characters,"
                    + " no control characters");
            }
        }
    }

    /** A connection from what a user typed; the kind follows from the URI. */
    public static HostConnection of(String name, String uri, String user, Secret password, Fingerprint fingerprint) {
        return new HostConnection(name, null, parseUri(uri), user, password, fingerprint);
    }

    /** The same connection with another pinned fingerprint (after the user confirmed it). */
    public HostConnection withFingerprint(Fingerprint confirmed) {
        return new HostConnection(name, kind, uri, user, password, confirmed);
    }

    public static URI parseUri(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the host URI must not be empty: use " + HostKind.URI_FORMS);
        }
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("host URI '" + Names.printable(text) + "' is not a URI (" + e.getReason()
                + "): use " + HostKind.URI_FORMS);
        }
    }

    @Override
    public String toString() {
        return "HostConnection[name=" + name + ", kind=" + kind.id() + ", uri=" + uri + ", user=" + user
            + ", password=" + (password == null ? "none" : password) + ", fingerprint=" + fingerprint + "]";
    }

    private static void checkLibvirt(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        boolean remote = scheme.contains("+") && !scheme.endsWith("+unix");
        if (remote && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new InvalidInputException("host URI '" + uri + "' names no host: write " + scheme + "://[user@]host/system");
        }
        if (scheme.startsWith("qemu") && !QEMU_PATHS.contains(path)) {
            throw new InvalidInputException("host URI '" + uri + "' must end in /system (the host's VMs) or /session"
                + " (the user's), not '" + path + "'");
        }
        if (scheme.equals("test") && !path.startsWith("/")) {
            throw new InvalidInputException("host URI '" + uri + "' must be test:///default or test:///absolute/node.xml");
        }
    }

    private static void checkXapi(URI uri) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("host URI '" + uri + "' names no host: write xapi://host[:port] or https://host[:port]");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("host URI '" + uri + "' holds a user: give it with --user, and the password"
                + " with --password-file");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!(path.isEmpty() || path.equals("/") || path.equals("/jsonrpc")) || uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidInputException("host URI '" + uri + "' must be only a host and port: xapi://host[:port] or https://host[:port]");
        }
    }
}
