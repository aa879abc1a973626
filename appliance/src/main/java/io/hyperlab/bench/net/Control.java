package io.hyperlab.bench.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The control connection, read and written without blocking: what arrives is buffered until a
 * whole message is there (a cookie, a state byte, a 4-byte big-endian length and that much
 * JSON, or SERVER_ERROR's two int32s); what is sent waits in a queue until the socket takes it.
 *
 * <p>A JSON message may be at most {@link #MAX_JSON_BYTES}: a results message from a client with
 * iperf3's maximum of 128 streams is about 20 KB (some 150 bytes a stream), and a parameter
 * message a few hundred bytes plus the user's title; 256 KiB leaves ten times that room while a
 * hostile length prefix (up to 4 GiB) can make us hold no more than that.
 */
final class Control {
    static final int COOKIE_SIZE = 37;
    static final int MAX_JSON_BYTES = 256 * 1024;
    private static final String COOKIE_CHARS = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SocketChannel channel;
    private ByteBuffer in = ByteBuffer.allocate(4096);
    private ByteBuffer out = ByteBuffer.allocate(0);
    private SelectionKey key;
    private boolean eof;

    Control(SocketChannel channel) {
        this.channel = channel;
    }

    SocketChannel channel() {
        return channel;
    }

    void attach(SelectionKey key) {
        this.key = key;
    }

    /** Reads what the socket has; returns the number of bytes read (the peer closing is remembered, not thrown). */
    int fill() throws IOException {
        int total = 0;
        while (true) {
            if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.min(in.capacity() * 2, MAX_JSON_BYTES + 8));
                if (bigger.capacity() == in.capacity()) {
                    return total;
                }
                in.flip();
                bigger.put(in);
                in = bigger;
            }
            int n = channel.read(in);
            if (n < 0) {
                eof = true;
                return total;
            }
            if (n == 0) {
                return total;
            }
            total += n;
        }
    }

    boolean peerClosed() {
        return eof;
    }

    Optional<byte[]> takeCookie() throws EOFException {
        return take(COOKIE_SIZE);
    }

    /** A cookie as iperf3 makes it (make_cookie): 36 characters from a-z and 2-7, then a NUL. */
    static byte[] newCookie() {
        byte[] cookie = new byte[COOKIE_SIZE];
        for (int i = 0; i < COOKIE_SIZE - 1; i++) {
            cookie[i] = (byte) COOKIE_CHARS.charAt(RANDOM.nextInt(COOKIE_CHARS.length()));
        }
        return cookie;
    }

    /** Compares cookies as iperf3's strcmp does: up to the first NUL. */
    static boolean sameCookie(byte[] a, byte[] b) {
        for (int i = 0; i < COOKIE_SIZE; i++) {
            if (a[i] != b[i]) {
                return false;
            }
            if (a[i] == 0) {
                return true;
            }
        }
        return true;
    }

    static String text(byte[] cookie) {
        int end = 0;
        while (end < cookie.length && cookie[end] != 0) {
            end++;
        }
        return new String(cookie, 0, end, StandardCharsets.US_ASCII);
    }

    /** The next state byte, if it has come; the value may be one iperf3 does not know. */
    Optional<Byte> takeStateByte() throws EOFException {
        return take(1).map(b -> b[0]);
    }

    Optional<Integer> takeInt() throws EOFException {
        return take(4).map(b -> ByteBuffer.wrap(b).getInt());
    }

    /**
     * The next JSON message, if all of it has come.
     *
     * @throws IperfError if the length is above the cap or the text is not JSON
     */
    Optional<JsonNode> takeJson(int errorCode) throws EOFException {
        if (available() < 4) {
            failIfClosed();
            return Optional.empty();
        }
        long length = Integer.toUnsignedLong(in.getInt(0));
        if (length > MAX_JSON_BYTES) {
            throw new IperfError(errorCode, "a JSON message of " + length + " bytes is over the limit of " + MAX_JSON_BYTES);
        }
        if (available() < 4 + length) {
            failIfClosed();
            return Optional.empty();
        }
        byte[] frame = take(4 + (int) length).orElseThrow();
        String text = new String(frame, 4, (int) length, StandardCharsets.UTF_8);
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            if (json == null || !json.isObject()) {
                throw new IperfError(errorCode, "the JSON message is not an object");
            }
            return Optional.of(json);
        } catch (JsonProcessingException e) {
            throw new IperfError(errorCode, "the JSON message is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    void sendState(State state) throws IOException {
        send(new byte[] {state.code});
    }

    void sendJson(JsonNode json) throws IOException {
        byte[] text = Json.MAPPER.writeValueAsBytes(json);
        ByteBuffer frame = ByteBuffer.allocate(4 + text.length);
        frame.putInt(text.length).put(text);
        send(frame.array());
    }

    /** SERVER_ERROR, then iperf3's error number and errno, both big-endian. */
    void sendServerError(int code) throws IOException {
        send(ByteBuffer.allocate(9).put(State.SERVER_ERROR.code).putInt(code).putInt(0).array());
    }

    void send(byte[] bytes) throws IOException {
        ByteBuffer next = ByteBuffer.allocate(out.remaining() + bytes.length);
        next.put(out).put(bytes).flip();
        out = next;
        flush();
    }

    /** Writes what is queued; asks the loop to call again when the socket has room. */
    void flush() throws IOException {
        if (out.hasRemaining()) {
            channel.write(out);
        }
        if (key != null && key.isValid()) {
            int ops = key.interestOps();
            key.interestOps(out.hasRemaining() ? ops | SelectionKey.OP_WRITE : ops & ~SelectionKey.OP_WRITE);
        }
    }

    boolean flushed() {
        return !out.hasRemaining();
    }

    private int available() {
        return in.position();
    }

    /** The next {@code n} bytes, if they have all come. */
    Optional<byte[]> take(int n) throws EOFException {
        if (available() < n) {
            failIfClosed();
            return Optional.empty();
        }
        byte[] bytes = new byte[n];
        in.flip();
        in.get(bytes);
        in.compact();
        return Optional.of(bytes);
    }

    private void failIfClosed() throws EOFException {
        if (eof) {
            throw new EOFException("the peer closed the control connection");
        }
    }
}
