package io.hyperlab.host;

/**
 * Opens drivers of one kind. Implementations are listed in
 * {@code META-INF/services/io.hyperlab.host.HostDriverProvider}, one class per line, so that
 * {@code host} needs no import of {@code host/libvirt} or {@code host/xapi}.
 */
public interface HostDriverProvider {
    HostKind kind();

    /** Connects and logs in; throws {@link HostUnreachableException}, {@link HostAuthenticationException} or {@link UntrustedCertificateException}. */
    HostDriver open(HostConnection connection);
}
