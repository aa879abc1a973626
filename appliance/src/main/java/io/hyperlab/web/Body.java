package io.hyperlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A request's JSON object body, read field by field: each reader names the field and the type
 * it wants when the value is wrong, and fields the route does not know are refused (a typo
 * should not silently fall back to a default).
 */
final class Body {
    private final ObjectNode node;

    private Body(ObjectNode node) {
        this.node = node;
    }

    /** The body as a JSON object, with only {@code allowed} fields; 415 when it is not sent as JSON. */
    static Body of(RoutingContext ctx, String... allowed) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type",
                "send the request body as JSON with 'Content-Type: application/json'" + (type == null ? "" : ", not '" + type + "'"));
        }
        JsonNode parsed;
        try {
            String text = ctx.body().asString();
            parsed = Json.MAPPER.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the body is not valid JSON: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        }
        if (parsed == null || parsed.isMissingNode() || !parsed.isObject()) {
            throw new InvalidInputException("the body must be a JSON object, e.g. {\"label\": \"KVM VM\"}");
        }
        Set<String> known = Set.of(allowed);
        for (Iterator<String> names = parsed.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidInputException(name, "unknown field '" + name + "': this request takes " + String.join(", ", allowed));
            }
        }
        return new Body((ObjectNode) parsed);
    }

    /** The body itself, for a core class that reads its own fields. */
    JsonNode json() {
        return node;
    }

    private JsonNode value(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    String string(String field, String fallback) {
        JsonNode value = value(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return value.asText();
    }

    String requiredString(String field) {
        String value = string(field, null);
        if (value == null) {
            throw new InvalidInputException(field, "'" + field + "' is required");
        }
        return value;
    }

    Integer integer(String field, Integer fallback) {
        JsonNode value = value(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(field, "a whole number", value);
        }
        return value.asInt();
    }

    Double number(String field, Double fallback) {
        JsonNode value = value(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw wrongType(field, "a number", value);
        }
        return value.asDouble();
    }

    List<String> strings(String field) {
        JsonNode value = value(field);
        List<String> list = new ArrayList<>();
        if (value == null) {
            return list;
        }
        if (!value.isArray()) {
            throw wrongType(field, "a list of strings", value);
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw wrongType(field, "a list of strings", value);
            }
            list.add(item.asText());
        }
        return list;
    }

    /** A size as text with a unit ("32MiB") or a number of bytes. */
    String size(String field, String fallback) {
        JsonNode value = value(field);
        if (value == null) {
            return fallback;
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a size such as \"32MiB\" or a number of bytes", value);
        }
        return value.asText();
    }

    /** Runs a core constructor or parser, naming {@code field} in an error that names none. */
    static <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            if (e.field() != null) {
                throw e;
            }
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    private static InvalidInputException wrongType(String field, String wanted, JsonNode value) {
        String shown = value.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new InvalidInputException(field, "'" + field + "' must be " + wanted + ", not " + shown);
    }
}
