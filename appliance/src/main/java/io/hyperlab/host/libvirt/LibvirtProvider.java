package io.hyperlab.host.libvirt;

import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostDriverProvider;
import io.hyperlab.host.HostKind;

/** Registers the libvirt driver (see META-INF/services). */
public final class LibvirtProvider implements HostDriverProvider {
    @Override
    public HostKind kind() {
        return HostKind.LIBVIRT;
    }

    @Override
    public HostDriver open(HostConnection connection) {
        return LibvirtDriver.open(connection, LibvirtDriver.CALL_TIMEOUT);
    }
}
