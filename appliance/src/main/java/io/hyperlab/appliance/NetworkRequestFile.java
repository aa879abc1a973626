package io.hyperlab.appliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import java.util.Collection;
import java.util.UUID;

/**
 * {@code DATA/system/network.json}, the request the daemon leaves for the root helper: the
 * request's id (a random UUID, echoed in the answer) and the change. The daemon writes it with
 * {@link #text()}; {@link #parse} reads it back, and is what the helper, reading a file the less
 * privileged daemon wrote, can check it with.
 */
public record NetworkRequestFile(String requestId, NetworkChange change) {
    public static final String REQUEST_ID = "requestId";

    public NetworkRequestFile {
        requestId = requestId(requestId);
        if (change == null) {
            throw new InvalidInputException("mode", "a network request needs a change");
        }
    }

    /** A new request for this change, with a fresh id. */
    public static NetworkRequestFile of(NetworkChange change) {
        return new NetworkRequestFile(UUID.randomUUID().toString(), change);
    }

    /**
     * Reads and checks the file's text; the error names the field at fault. The file must name
     * its interface (the daemon always fills it in).
     *
     * @param interfaces the machine's interfaces, loopback aside; null to leave that unchecked
     */
    public static NetworkRequestFile parse(String text, Collection<String> interfaces) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the network request is not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("the network request must be a JSON object");
        }
        JsonNode id = json.get(REQUEST_ID);
        if (id == null || !id.isTextual()) {
            throw new InvalidInputException(REQUEST_ID, "'requestId' is required: a UUID as text");
        }
        ObjectNode change = ((ObjectNode) json).deepCopy();
        change.remove(REQUEST_ID);
        return new NetworkRequestFile(id.asText(), NetworkChange.fromJson(change, interfaces, null));
    }

    /** The file's content: one JSON object, requestId first, then the change's fields, and a newline. */
    public String text() {
        ObjectNode json = Json.MAPPER.createObjectNode().put(REQUEST_ID, requestId);
        json.setAll((ObjectNode) Json.MAPPER.valueToTree(change));
        return json + "\n";
    }

    private static String requestId(String text) {
        try {
            if (text != null && UUID.fromString(text).toString().equals(text)) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // Described below.
        }
        throw new InvalidInputException(REQUEST_ID, "'" + Ipv4.shown(text) + "' is not a request id: a UUID in its 36-character"
            + " lower-case form");
    }
}
