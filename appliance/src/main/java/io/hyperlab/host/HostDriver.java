package io.hyperlab.host;

import java.time.Duration;
import java.util.List;

/**
 * One open connection to a hypervisor host (libvirt or XAPI), opened by {@link HostDrivers#open}.
 * Every method blocks until the host answered: call them from worker threads, never from an
 * event loop. One driver may be used by several threads at once.
 *
 * <p>A VM is named by its name or UUID ({@code vm}); a name held by two VMs is refused with a
 * {@link io.hyperlab.ConflictException} asking for the UUID. Errors: {@link io.hyperlab.InvalidInputException}
 * for a request the host cannot satisfy as asked (memory or vCPUs beyond the host), found before
 * anything changed; {@link io.hyperlab.NotFoundException} for a VM, library, ISO, storage, network or
 * template that does not exist; {@link io.hyperlab.ConflictException} for a name that exists or a VM
 * in the wrong state; {@link HostUnreachableException}, {@link HostAuthenticationException},
 * {@link UntrustedCertificateException} for the connection; {@link StepFailedException} when a
 * change failed midway (what it made is undone first).
 *
 * <p>Power actions are idempotent: starting a running VM, or shutting down or forcing off a VM
 * that is off, does nothing and succeeds. Deleting a running VM is a conflict.
 */
public interface HostDriver extends AutoCloseable {
    HostConnection connection();

    HostFacts facts();

    /** The VMs, without templates, snapshots or the control domain (dom0), sorted by name. */
    List<VmInfo> listVms();

    /**
     * Creates a VM, checks first: the name is free, vCPUs and memory fit the host, the template,
     * ISO, storage, network and home host exist. The VM is left off; returns it as listed.
     */
    VmInfo createVm(VmSpec spec);

    void startVm(String vm);

    /** Asks the guest to shut down and waits until it is off; a guest still running after {@code timeout} is an error saying to force it off. */
    void shutdownVm(String vm, Duration timeout);

    /** Turns the VM off at once, as pulling the plug does. */
    void forceOffVm(String vm);

    /** Deletes a VM that is off; its disks (not its ISO) go too only when {@code withDisks}. */
    void deleteVm(String vm, boolean withDisks);

    /** Storage that holds ISO images (libvirt: every pool; XAPI: SRs of content type iso). */
    List<StorageInfo> listIsoLibraries();

    StorageInfo createIsoLibrary(IsoLibrarySpec spec);

    /** Removes an ISO library from the host, leaving the images on their share or folder. */
    void deleteIsoLibrary(String library);

    /** The ISO images of a library, by name, as the host last scanned them. */
    List<IsoImage> listIsos(String library);

    /** Scans the library again (after files were added to its share) and returns its ISO images. */
    List<IsoImage> rescanIsoLibrary(String library);

    List<NetworkInfo> listNetworks();

    NetworkInfo createNetwork(NetworkSpec spec);

    /** Removes a network no VM uses. */
    void deleteNetwork(String network);

    /** Ends the session and frees the connection; never throws. */
    @Override
    void close();
}
