package io.hyperlab.host.libvirt;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Unix-socket proxy in front of libvirtd's socket that reads libvirt's RPC framing (4-byte
 * length, then program, version, procedure) and, when armed, cuts the connection the moment the
 * client sends the named procedure: to libvirt's client this is libvirtd dying in the middle
 * of that call. New connections are served normally afterwards, like a restarted daemon.
 */
final class LibvirtSocketProxy implements AutoCloseable {
    /** remote_protocol.x: REMOTE_PROC_DOMAIN_DEFINE_XML. */
    static final int DOMAIN_DEFINE_XML = 11;

    private final Path socket;
    private final Path target;
    private final ServerSocketChannel server;
    private final AtomicInteger cutAt = new AtomicInteger(-1);
    private final List<SocketChannel> open = new CopyOnWriteArrayList<>();
    private final List<Integer> seen = new CopyOnWriteArrayList<>();

    LibvirtSocketProxy(Path socket, Path target) throws IOException {
        this.socket = socket;
        this.target = target;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(this::accept, "libvirt-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    Path socket() {
        return socket;
    }

    /** Cuts the next connection that sends this procedure. */
    void cutOn(int procedure) {
        cutAt.set(procedure);
    }

    boolean cutHappened() {
        return cutAt.get() == -2;
    }

    List<Integer> procedures() {
        return List.copyOf(seen);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel channel : open) {
            channel.close();
        }
        Files.deleteIfExists(socket);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(daemon);
                start(() -> clientToDaemon(client, daemon));
                start(() -> pump(daemon, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void clientToDaemon(SocketChannel client, SocketChannel daemon) {
        try {
            while (true) {
                ByteBuffer length = read(client, 4);
                int size = length.getInt(0);
                ByteBuffer rest = read(client, size - 4);
                int procedure = rest.getInt(8);
                seen.add(procedure);
                if (cutAt.compareAndSet(procedure, -2)) {
                    client.close();
                    daemon.close();
                    return;
                }
                length.flip();
                rest.flip();
                while (length.hasRemaining() || rest.hasRemaining()) {
                    daemon.write(new ByteBuffer[] {length, rest});
                }
            }
        } catch (IOException e) {
            closeQuietly(client, daemon);
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // One side closed: close the other below.
        }
        closeQuietly(from, to);
    }

    private static ByteBuffer read(SocketChannel channel, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("closed");
            }
        }
        return buffer;
    }

    private static void closeQuietly(SocketChannel... channels) {
        for (SocketChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    private static void start(Runnable work) {
        Thread thread = new Thread(work, "libvirt-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
