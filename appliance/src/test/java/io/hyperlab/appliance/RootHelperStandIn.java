package io.hyperlab.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test in the role of the image's root helper (which needs root and systemd, so cannot run
 * in a test): it reads the daemon's request from {@code DATA/system/} and writes its answer
 * there, whole, as the real helper must.
 */
public final class RootHelperStandIn {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Path folder;

    public RootHelperStandIn(Path data) {
        this.folder = data.resolve(RootHelper.FOLDER);
    }

    /** The network request waiting for an answer: the newest, once it is there and not yet answered. */
    public JsonNode awaitNetworkRequest() throws IOException, InterruptedException {
        Path request = folder.resolve(RootHelper.NETWORK_REQUEST);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(request)) {
                JsonNode node = Json.MAPPER.readTree(Files.readString(request));
                JsonNode answered = answer();
                if (answered == null || !answered.path("requestId").asText().equals(node.path("requestId").asText())) {
                    return node;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no unanswered " + request + " within " + WAIT.toSeconds() + " s");
    }

    /** Answers a request: {@code {"requestId","ok","error"}}, renamed into place. */
    public void answer(String requestId, boolean ok, String error) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("requestId", requestId);
        result.put("ok", ok);
        result.put("error", error);
        Path temp = Files.createTempFile(folder.getParent(), "answer-", ".tmp");
        Files.writeString(temp, Json.MAPPER.writeValueAsString(result));
        Files.move(temp, folder.resolve(RootHelper.NETWORK_RESULT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** What {@code power} asks for, or null when there is no such request. */
    public String powerRequest() throws IOException {
        Path power = folder.resolve(RootHelper.POWER);
        return Files.exists(power) ? Files.readString(power) : null;
    }

    private JsonNode answer() throws IOException {
        Path result = folder.resolve(RootHelper.NETWORK_RESULT);
        return Files.exists(result) ? Json.MAPPER.readTree(Files.readString(result)) : null;
    }
}
