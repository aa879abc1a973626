package io.hyperlab.image.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The QEMU guest agent (qemu-guest-agent inside the appliance) over its virtio-serial port:
 * runs commands as root in the guest, which is how the test looks inside without a shell
 * account (SSH as admin lands in the console).
 */
final class GuestAgent implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SocketChannel channel;
    private final BufferedReader in;

    private GuestAgent(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    private static GuestAgent connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new GuestAgent(channel);
    }

    /**
     * Connects once the agent answers a sync (it starts when the guest's virtio port comes up;
     * until then a request would wait forever, so each try gives up after 3 s).
     */
    static GuestAgent await(Path socket, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            GuestAgent agent = connect(socket);
            long id = System.nanoTime();
            ObjectNode request = JSON.createObjectNode().put("execute", "guest-sync");
            request.putObject("arguments").put("id", id);
            agent.send(request);
            Thread timeout = new Thread(() -> {
                try {
                    Thread.sleep(3000);
                    agent.channel.close();
                } catch (InterruptedException | IOException e) {
                    // answered in time, or already closed
                }
            });
            timeout.start();
            try {
                for (JsonNode answer = agent.read(); ; answer = agent.read()) {
                    if (answer.path("return").asLong() == id) {
                        timeout.interrupt();
                        timeout.join();
                        if (agent.channel.isOpen()) {
                            return agent;
                        }
                        break;
                    }
                }
            } catch (IOException e) {
                agent.close();
            }
        }
        throw new AssertionError("the guest agent did not answer within " + limit.toSeconds() + " s");
    }

    /** Output of a shell command run as root in the guest; fails on a non-zero exit. */
    String sh(String script) throws IOException, InterruptedException {
        Result result = exec(script);
        if (result.exit() != 0) {
            throw new AssertionError("guest command failed (" + result.exit() + "): " + script + "\n" + result.out() + result.err());
        }
        return result.out();
    }

    record Result(int exit, String out, String err) {
    }

    Result exec(String script) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("execute", "guest-exec");
        ObjectNode arguments = request.putObject("arguments").put("path", "/bin/sh").put("capture-output", true);
        arguments.putArray("arg").add("-c").add(script);
        long pid = call(request).path("pid").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            ObjectNode status = JSON.createObjectNode().put("execute", "guest-exec-status");
            status.putObject("arguments").put("pid", pid);
            JsonNode answer = call(status);
            if (answer.path("exited").asBoolean()) {
                return new Result(answer.path("exitcode").asInt(-1), decode(answer, "out-data"), decode(answer, "err-data"));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("guest command did not finish within 120 s: " + script);
    }

    private static String decode(JsonNode answer, String field) {
        return answer.has(field) ? new String(Base64.getDecoder().decode(answer.get(field).asText()), StandardCharsets.UTF_8) : "";
    }

    /**
     * One request and its answer. An agent that goes away with the request unanswered (the guest
     * shutting down) would leave the read waiting for ever, so the channel is closed after 60 s.
     */
    private JsonNode call(ObjectNode request) throws IOException {
        send(request);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                channel.close();
            } catch (InterruptedException | IOException e) {
                // answered in time, or already closed
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        JsonNode answer;
        try {
            answer = read();
        } catch (IOException e) {
            throw new IOException("the guest agent did not answer " + request.get("execute") + " (within 60 s)", e);
        } finally {
            watchdog.interrupt();
        }
        if (answer.has("error")) {
            throw new IOException("guest agent refused " + request.get("execute") + ": " + answer.get("error"));
        }
        return answer.path("return");
    }

    private void send(JsonNode request) throws IOException {
        channel.write(ByteBuffer.wrap((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode read() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the guest agent channel closed");
        }
        return JSON.readTree(line);
    }

    static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
