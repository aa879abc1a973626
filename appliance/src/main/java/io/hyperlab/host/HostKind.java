package io.hyperlab.host;

import com.fasterxml.jackson.annotation.JsonValue;
import io.hyperlab.InvalidInputException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** The two kinds of hypervisor connection, told apart by the URI's scheme. */
public enum HostKind {
    /** libvirt: KVM/QEMU ({@code qemu:///system}, {@code qemu+ssh://}, {@code qemu+tcp://}), Xen through libxl, its test driver. */
    LIBVIRT("libvirt"),
    /** XAPI: XenServer and XCP-ng over JSON-RPC ({@code xapi://host[:port]}, {@code https://host[:port]}). */
    XAPI("xapi");

    private static final Set<String> LIBVIRT_SCHEMES = Set.of("qemu", "qemu+ssh", "qemu+tcp", "qemu+tls", "qemu+unix",
        "qemu+libssh", "qemu+libssh2", "test", "xen", "xen+ssh", "xen+tcp", "xen+tls", "xen+unix");
    private static final Set<String> XAPI_SCHEMES = Set.of("xapi", "https");
    static final String URI_FORMS = "qemu:///system, qemu+ssh://user@host/system, qemu+tcp://host/system,"
        + " test:///default, xen:///system (libvirt), or xapi://host[:port], https://host[:port] (XenServer/XCP-ng)";

    private final String id;

    HostKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static HostKind of(String id) {
        for (HostKind kind : values()) {
            if (kind.id.equalsIgnoreCase(id)) {
                return kind;
            }
        }
        throw new InvalidInputException("unknown host kind '" + id + "': use libvirt or xapi");
    }

    /** The kind a URI's scheme names; an unknown or unsafe scheme is refused with the forms allowed. */
    public static HostKind forUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (LIBVIRT_SCHEMES.contains(scheme)) {
            return LIBVIRT;
        }
        if (XAPI_SCHEMES.contains(scheme)) {
            return XAPI;
        }
        if (scheme.equals("http")) {
            throw new InvalidInputException("host URI '" + uri + "' uses plain http, which would send the password"
                + " unencrypted: use https://host or xapi://host");
        }
        throw new InvalidInputException("host URI '" + uri + "' has " + (scheme.isEmpty() ? "no scheme" : "the unknown scheme '"
            + scheme + "'") + ": use " + URI_FORMS);
    }
}
