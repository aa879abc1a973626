package io.hyperlab.host.libvirt;

import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.HostAuthenticationException;
import io.hyperlab.host.HostUnreachableException;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/** libvirt's errors as HyperLab's: each message names the operation, the host and libvirt's reason. */
final class LibvirtErrors {
    private LibvirtErrors() {
    }

    static ErrorNumber code(LibvirtException e) {
        return e.getError() == null ? ErrorNumber.VIR_ERR_INTERNAL_ERROR : e.getError().getCode();
    }

    static String reason(LibvirtException e) {
        String message = e.getError() == null ? e.getMessage() : e.getError().getMessage();
        return message == null ? code(e).name() : message;
    }

    /**
     * The HyperLab exception for a failed call. {@code connectionLost} is true when the
     * connection was found dead after the failure: then the host is unreachable, whatever the code.
     */
    static HyperLabException translate(String host, String what, LibvirtException e, boolean connectionLost) {
        String message = what + " on host " + host + " failed: " + reason(e);
        if (connectionLost) {
            return new HostUnreachableException("lost the connection to libvirt on host " + host + " during " + what + " ("
                + reason(e) + "); check that libvirtd runs there, then try again", e);
        }
        return switch (code(e)) {
            case VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_CANCELLED, VIR_ERR_AUTH_UNAVAILABLE, VIR_ERR_OPERATION_DENIED ->
                new HostAuthenticationException(message + "; check the user and password (or SSH key) for this host");
            case VIR_ERR_NO_CONNECT, VIR_ERR_RPC, VIR_ERR_INVALID_CONN, VIR_ERR_NO_SERVER, VIR_ERR_OPERATION_TIMEOUT ->
                new HostUnreachableException(message, e);
            case VIR_ERR_NO_DOMAIN, VIR_ERR_NO_NETWORK, VIR_ERR_NO_STORAGE_POOL, VIR_ERR_NO_STORAGE_VOL, VIR_ERR_NO_INTERFACE ->
                new NotFoundException(message);
            case VIR_ERR_DOM_EXIST, VIR_ERR_NETWORK_EXIST, VIR_ERR_STORAGE_VOL_EXIST, VIR_ERR_OPERATION_INVALID ->
                new ConflictException(message);
            default -> new HyperLabException(message, e);
        };
    }

    /** A failure to open the connection: unreachable unless libvirt said the credentials were wrong. */
    static HyperLabException opening(String host, String uri, LibvirtException e) {
        HyperLabException translated = translate(host, "connecting to " + uri, e, false);
        if (translated instanceof HostAuthenticationException) {
            return translated;
        }
        return new HostUnreachableException("cannot reach libvirt at " + uri + " for host " + host + ": " + reason(e)
            + "; check the address, that libvirtd runs there and (for qemu+ssh) that this user's SSH key is accepted", e);
    }
}
