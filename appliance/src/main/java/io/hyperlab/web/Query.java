package io.hyperlab.web;

import io.hyperlab.InvalidInputException;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A request's query string, in the order it was written (a comparison's first side is its
 * baseline), with parameters the route does not know refused and typed readers that name the
 * parameter when its value is wrong.
 */
final class Query {
    /** One parameter as written. */
    record Parameter(String name, String value) {
    }

    private final List<Parameter> parameters;

    private Query(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    static Query of(RoutingContext ctx, Set<String> allowed) {
        List<Parameter> parameters = new ArrayList<>();
        String raw = ctx.request().query();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!allowed.contains(name)) {
                throw new InvalidInputException(name, "unknown query parameter '" + name + "': use "
                    + String.join(", ", allowed.stream().sorted().toList()));
            }
            parameters.add(new Parameter(name, value));
        }
        return new Query(parameters);
    }

    List<Parameter> all() {
        return parameters;
    }

    /** The last value given for {@code name}; null when absent or empty. */
    String get(String name) {
        String found = null;
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                found = parameter.value().isEmpty() ? null : parameter.value();
            }
        }
        return found;
    }

    boolean flag(String name) {
        return "true".equals(get(name));
    }

    int integer(String name, int fallback) {
        String text = get(name);
        if (text == null) {
            return fallback;
        }
        return (int) whole(name, text);
    }

    double number(String name, double fallback) {
        String text = get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "'" + name + "' must be a number such as 0.05, not '" + text + "'");
        }
    }

    /** An instant (2026-11-25T10:00:00Z) or a date (2026-11-25, its start in UTC). */
    Instant time(String name) {
        String text = get(name);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + text + "' is not a time: write 2026-11-25 or 2026-11-25T10:00:00Z");
        }
    }

    static long whole(String name, String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new InvalidInputException(name, "'" + name + "' must be a whole number, not '" + text + "'");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the query string is not valid URL encoding: " + text);
        }
    }
}
