package io.hyperlab.appliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.ConflictException;
import io.hyperlab.FileWrites;
import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The daemon's side of the file contract with the appliance's root helper. The daemon runs as
 * an unprivileged user, so it changes the system only by asking: it writes a request into
 * {@code DATA/system/} (always whole, by renaming a finished file into place) and a root-owned
 * path unit acts on it. {@code network.json} asks for network settings and is answered in
 * {@code network.result.json} ({@code {"requestId","ok","error"}}); {@code power} holds
 * {@code reboot} or {@code poweroff} and has no answer (the machine goes down).
 */
public final class RootHelper implements AutoCloseable {
    public static final String FOLDER = "system";
    public static final String NETWORK_REQUEST = "network.json";
    public static final String NETWORK_RESULT = "network.result.json";
    public static final String POWER = "power";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MAX_ERROR = 500;

    /**
     * The last network change written for the helper and how it stands.
     *
     * @param state {@link #PENDING} while this daemon waits for the answer, {@link #APPLIED} or
     *              {@link #FAILED} once answered, {@link #UNANSWERED} when the wait ended without one
     * @param error the helper's reason when it failed
     */
    public record NetworkRequest(String requestId, NetworkChange request, String state, String error) {
        public static final String PENDING = "pending";
        public static final String APPLIED = "applied";
        public static final String FAILED = "failed";
        public static final String UNANSWERED = "unanswered";
    }

    /** The helper's answer to one request. */
    private record Result(String requestId, boolean ok, String error) {
    }

    private final Path data;
    private final Path folder;
    private final Duration timeout;
    private String waitingFor;
    private volatile boolean closed;

    /** @param timeout how long to wait for the helper's answer to a network change */
    public RootHelper(Path data, Duration timeout) {
        this.data = data;
        this.folder = data.resolve(FOLDER);
        this.timeout = timeout;
    }

    public Path folder() {
        return folder;
    }

    /** Makes the folder (owner only) the helper watches, so it is there before the first request. */
    public void prepare() {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new HyperLabException("cannot make " + folder + ", where the daemon leaves requests for the appliance's root"
                + " helper: " + e.getMessage(), e);
        }
    }

    /** Writes a network change for the helper; returns its request id, to wait for with {@link #awaitNetwork}. */
    public synchronized String submitNetwork(NetworkChange change) {
        if (waitingFor != null) {
            throw new ConflictException("a network change (request " + waitingFor + ") is still waiting for the appliance's root"
                + " helper to apply it; wait until it ends (at most " + timeout.toSeconds() + " s), then try again");
        }
        NetworkRequestFile request = NetworkRequestFile.of(change);
        write(NETWORK_REQUEST, request.text());
        waitingFor = request.requestId();
        return request.requestId();
    }

    /**
     * Waits for the helper's answer to this request: returns when it applied the change, throws
     * with the helper's reason when it could not, or when no answer came within the timeout.
     */
    public void awaitNetwork(String requestId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String unreadable = null;
        try {
            while (true) {
                if (closed) {
                    throw new HyperLabException("the daemon stopped before the appliance's root helper answered network change "
                        + requestId);
                }
                try {
                    Result result = readResult();
                    if (result != null && result.requestId().equals(requestId)) {
                        if (result.ok()) {
                            return;
                        }
                        throw new HyperLabException("the appliance's root helper could not apply the network settings: "
                            + (result.error() == null ? "it gave no reason" : result.error()));
                    }
                } catch (JsonProcessingException e) {
                    unreadable = e.getOriginalMessage();
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new HyperLabException("the appliance's root helper did not answer network change " + requestId + " within "
                        + timeout.toSeconds() + " s" + (unreadable == null ? "" : " (its " + NETWORK_RESULT + " was not valid JSON: "
                        + unreadable + ")") + "; the settings may not be applied. Check the helper's log (journalctl) and the"
                        + " network screen");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HyperLabException("interrupted while waiting for the appliance's root helper");
        } finally {
            synchronized (this) {
                if (requestId.equals(waitingFor)) {
                    waitingFor = null;
                }
            }
        }
    }

    /** Asks the helper to reboot or power off the appliance. */
    public void requestPower(PowerAction action) {
        write(POWER, action.id() + "\n");
    }

    /** The last network change written here and how it stands, or null when there is none (or it cannot be read). */
    public NetworkRequest lastNetworkRequest() {
        NetworkRequestFile request;
        try {
            request = NetworkRequestFile.parse(Files.readString(folder.resolve(NETWORK_REQUEST)), null);
        } catch (IOException | InvalidInputException e) {
            return null;
        }
        String requestId = request.requestId();
        NetworkChange change = request.change();
        Result result;
        try {
            result = readResult();
        } catch (JsonProcessingException e) {
            result = null;
        }
        if (result != null && result.requestId().equals(requestId)) {
            return new NetworkRequest(requestId, change, result.ok() ? NetworkRequest.APPLIED : NetworkRequest.FAILED,
                result.ok() ? null : result.error());
        }
        synchronized (this) {
            return new NetworkRequest(requestId, change, requestId.equals(waitingFor) ? NetworkRequest.PENDING
                : NetworkRequest.UNANSWERED, null);
        }
    }

    /** Ends every wait: the daemon is stopping. */
    @Override
    public void close() {
        closed = true;
    }

    /** The helper's answer file, or null when there is none yet; throws while it is not valid JSON. */
    private Result readResult() throws JsonProcessingException {
        String text;
        try {
            text = Files.readString(folder.resolve(NETWORK_RESULT));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new HyperLabException("cannot read the appliance's root helper's answer " + folder.resolve(NETWORK_RESULT) + ": "
                + e.getMessage(), e);
        }
        JsonNode node = Json.MAPPER.readTree(text);
        if (node == null || !node.isObject()) {
            return null;
        }
        String error = text(node, "error");
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR) + "...";
        }
        return new Result(node.path("requestId").asText(), node.path("ok").asBoolean(false), error);
    }

    /**
     * Writes a whole file for the helper: into a new file beside the watched folder first (so
     * the helper never sees it half written), flushed to disk, then renamed into place.
     */
    private void write(String name, String content) {
        prepare();
        Path target = folder.resolve(name);
        try {
            FileWrites.replace(target, data, "rw-------", content);
        } catch (IOException e) {
            throw new HyperLabException("cannot write " + target + " for the appliance's root helper: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
