package io.hyperlab.bench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A hand-driven iperf3 client for the cases no well-behaved client produces: it writes exactly what a test says. */
final class RawClient implements AutoCloseable {
    static final String TCP_PARAMETERS = "{\"tcp\":true,\"omit\":0,\"time\":1,\"num\":0,\"blockcount\":0,\"parallel\":1,"
        + "\"len\":1024,\"pacing_timer\":1000,\"client_version\":\"3.12\"}";

    final Socket socket;
    final DataInputStream in;
    final DataOutputStream out;
    final byte[] cookie = Control.newCookie();

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    /** Cookie, PARAM_EXCHANGE, parameters, CREATE_STREAMS: ready for streams. */
    RawClient handshake(String parameters) throws IOException {
        out.write(cookie);
        assertEquals(State.PARAM_EXCHANGE.code, in.readByte());
        sendJson(parameters);
        assertEquals(State.CREATE_STREAMS.code, in.readByte());
        return this;
    }

    void sendJson(String json) throws IOException {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        out.flush();
    }

    JsonNode readJson() throws IOException {
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        return Json.MAPPER.readTree(text);
    }

    /** A data connection that sends {@code cookie} first, as iperf3's streams do. */
    Socket stream(byte[] offered) throws IOException {
        Socket stream = new Socket(InetAddress.getLoopbackAddress(), socket.getPort());
        stream.setSoTimeout(5000);
        stream.getOutputStream().write(offered);
        return stream;
    }

    /** Reads SERVER_ERROR with its error number and errno, then the end of the connection. */
    int readServerError() throws IOException {
        assertEquals(State.SERVER_ERROR.code, in.readByte());
        int code = in.readInt();
        assertEquals(0, in.readInt());
        assertClosed(socket);
        return code;
    }

    /** Asserts the peer closed the connection (end of stream, or reset) within the socket's timeout. */
    static void assertClosed(Socket socket) throws IOException {
        try {
            assertEquals(-1, socket.getInputStream().read(), "expected the server to close the connection");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open", e);
        } catch (IOException reset) {
            // A reset closes it too.
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
