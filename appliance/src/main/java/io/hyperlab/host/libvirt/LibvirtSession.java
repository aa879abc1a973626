package io.hyperlab.host.libvirt;

import io.hyperlab.HyperLabException;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostUnreachableException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.libvirt.Connect;
import org.libvirt.ConnectAuth;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;

/**
 * One libvirt connection and the worker threads that make its blocking calls. A call that does
 * not return within the timeout gives up (the host is taken as unreachable); a connection found
 * dead is opened again on the next call, so a restarted libvirtd is picked up.
 */
final class LibvirtSession implements AutoCloseable {
    private static final int WORKERS = 4;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** A blocking call on the connection. */
    interface Call<T> {
        T run(Connect connect) throws LibvirtException;
    }

    private final HostConnection host;
    private final URI uri;
    private final Duration timeout;
    private final ExecutorService workers;
    private Connect connect;

    private LibvirtSession(HostConnection host, URI uri, Duration timeout) {
        this.host = host;
        this.uri = uri;
        this.timeout = timeout;
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "libvirt-" + host.name() + "-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(WORKERS, factory);
    }

    static LibvirtSession open(HostConnection host, URI uri, Duration timeout) {
        LibvirtSession session = new LibvirtSession(host, uri, timeout);
        try {
            session.await("connecting to " + uri, session::connected);
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Runs a call on a worker; libvirt's failure becomes HyperLab's, naming {@code what}. */
    <T> T call(String what, Call<T> call) {
        return await(what, () -> {
            Connect current = connected();
            try {
                return call.run(current);
            } catch (LibvirtException e) {
                throw LibvirtErrors.translate(host.name(), what, e, !alive(current));
            }
        });
    }

    @Override
    public void close() {
        workers.shutdownNow();
        synchronized (this) {
            if (connect != null) {
                try {
                    connect.close();
                } catch (LibvirtException ignored) {
                    // A dead connection cannot be closed more: nothing is left to free on the host.
                }
                connect = null;
            }
        }
    }

    private synchronized Connect connected() {
        if (connect != null && alive(connect)) {
            return connect;
        }
        if (connect != null) {
            try {
                connect.close();
            } catch (LibvirtException ignored) {
                // Replaced below.
            }
            connect = null;
        }
        try {
            Connect.setErrorCallback(Silent.INSTANCE);
            connect = new Connect(uri.toString(), new Credentials(host), 0);
            connect.setConnectionErrorCallback(Silent.INSTANCE);
            return connect;
        } catch (LibvirtException e) {
            throw LibvirtErrors.opening(host.name(), uri.toString(), e);
        }
    }

    private static boolean alive(Connect connect) {
        try {
            return connect.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    private <T> T await(String what, Callable<T> work) {
        Future<T> future;
        try {
            future = workers.submit(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new HyperLabException("the connection to host " + host.name() + " is closed", e);
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HostUnreachableException("host " + host.name() + " did not answer " + what + " within "
                + timeout.toSeconds() + " s; check that it and its libvirtd are up", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new HyperLabException(what + " on host " + host.name() + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new HyperLabException(what + " on host " + host.name() + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Keeps libvirt from printing its errors to stderr: they arrive as exceptions instead. */
    private static final class Silent extends ErrorCallback {
        static final Silent INSTANCE = new Silent();

        @Override
        public void errorCallback(com.sun.jna.Pointer userData, org.libvirt.jna.virError error) {
            // Reported through LibvirtException.
        }
    }

    /** Answers libvirt's credential questions (SASL on qemu+tcp) from the stored user and password. */
    private static final class Credentials extends ConnectAuth {
        private final HostConnection host;

        Credentials(HostConnection host) {
            this.host = host;
            credType = new CredentialType[] {CredentialType.VIR_CRED_AUTHNAME, CredentialType.VIR_CRED_USERNAME,
                CredentialType.VIR_CRED_PASSPHRASE, CredentialType.VIR_CRED_NOECHOPROMPT};
        }

        @Override
        public int callback(Credential[] credentials) {
            for (Credential credential : credentials) {
                switch (credential.type) {
                    case VIR_CRED_AUTHNAME, VIR_CRED_USERNAME -> {
                        if (host.user() == null) {
                            return -1;
                        }
                        credential.result = host.user();
                    }
                    case VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT -> {
                        if (host.password() == null) {
                            return -1;
                        }
                        credential.result = new String(host.password().reveal());
                    }
                    default -> {
                        return -1;
                    }
                }
            }
            return 0;
        }
    }
}
