package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XAPI's published data model ({@code xenapi-datamodel.json} from xapi-project/xen-api): the
 * classes, their fields and messages with parameter types, and the enums. The test server
 * checks every call against it, as XAPI's own generated dispatcher does.
 */
final class DataModel {
    static final String NULL_REF = "OpaqueRef:NULL";
    static final String REMOVED = "Removed_s";
    private static final String RESOURCE = "/io/hyperlab/host/xapi/xenapi-datamodel.json";
    private static final Pattern MAP_ENTRY = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*->\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static DataModel published;

    record ParamDef(String name, XapiType type) {
    }

    record MessageDef(String className, String name, List<ParamDef> params, XapiType result, String state, List<String> errors) {
        String wireName() {
            return className + "." + name;
        }

        boolean takesSession() {
            return !params.isEmpty() && params.get(0).type() instanceof XapiType.Ref ref && ref.className().equals("session");
        }
    }

    record FieldDef(String name, XapiType type, String qualifier, String defaultText, String state) {
        boolean removed() {
            return REMOVED.equals(state);
        }

        /** The value a new object has in this field: the model's default, else the type's zero. */
        JsonNode initialValue(DataModel model) {
            if (defaultText == null) {
                return type.zero(model);
            }
            JsonNode parsed = parseDefault(type, defaultText.strip(), model);
            return parsed == null || type.check(parsed, model) != null ? type.zero(model) : parsed;
        }
    }

    record ClassDef(String name, Map<String, FieldDef> fields, Map<String, MessageDef> messages) {
        List<FieldDef> liveFields() {
            return fields.values().stream().filter(field -> !field.removed()).toList();
        }
    }

    private final Map<String, ClassDef> classes = new LinkedHashMap<>();
    private final Map<String, List<String>> enums = new LinkedHashMap<>();

    private DataModel(JsonNode root) {
        for (JsonNode cls : root) {
            for (JsonNode en : cls.path("enums")) {
                List<String> values = new ArrayList<>();
                en.path("values").forEach(value -> values.add(value.path("name").asText()));
                enums.putIfAbsent(en.path("name").asText(), values);
            }
            String className = cls.path("name").asText();
            Map<String, FieldDef> fields = new LinkedHashMap<>();
            for (JsonNode field : cls.path("fields")) {
                fields.put(field.path("name").asText(), new FieldDef(field.path("name").asText(),
                    XapiType.parse(field.path("type").asText()), field.path("qualifier").asText(),
                    field.hasNonNull("default") ? field.get("default").asText() : null,
                    field.path("lifecycle").path("state").asText()));
            }
            Map<String, MessageDef> messages = new LinkedHashMap<>();
            for (JsonNode message : cls.path("messages")) {
                List<ParamDef> params = new ArrayList<>();
                message.path("params").forEach(p -> params.add(new ParamDef(p.path("name").asText(), XapiType.parse(p.path("type").asText()))));
                List<String> errors = new ArrayList<>();
                message.path("errors").forEach(e -> errors.add(e.path("name").asText()));
                String name = message.path("name").asText();
                messages.put(name, new MessageDef(className, name, List.copyOf(params),
                    XapiType.parse(message.path("result").path(0).asText()), message.path("lifecycle").path("state").asText(), errors));
            }
            classes.put(className, new ClassDef(className, fields, messages));
        }
    }

    /** The model as published with XAPI 24, read once. */
    static synchronized DataModel published() {
        if (published == null) {
            try (InputStream in = DataModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + RESOURCE);
                }
                published = new DataModel(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return published;
    }

    ClassDef classDef(String name) {
        ClassDef cls = classes.get(name);
        if (cls == null) {
            throw new IllegalArgumentException("the data model has no class " + name);
        }
        return cls;
    }

    boolean hasClass(String name) {
        return classes.containsKey(name);
    }

    /** The message a wire name such as {@code VM.start} names, if the model has it. */
    Optional<MessageDef> message(String wireName) {
        int dot = wireName.indexOf('.');
        if (dot < 0 || !classes.containsKey(wireName.substring(0, dot))) {
            return Optional.empty();
        }
        return Optional.ofNullable(classes.get(wireName.substring(0, dot)).messages().get(wireName.substring(dot + 1)));
    }

    List<String> enumValues(String name) {
        List<String> values = enums.get(name);
        if (values == null) {
            throw new IllegalArgumentException("the data model has no enum " + name);
        }
        return values;
    }

    /** Reads a default as the model writes it, in OCaml's notation: {@code ""}, {@code 1.}, {@code {"a" -> "b"}}, {@code {}}. */
    private static JsonNode parseDefault(XapiType type, String text, DataModel model) {
        if (type instanceof XapiType.Primitive p) {
            return switch (p.name()) {
                case "string" -> text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2
                    ? XapiType.NODES.textNode(text.substring(1, text.length() - 1)) : null;
                case "int" -> text.matches("-?\\d+") ? XapiType.NODES.numberNode(Long.parseLong(text)) : null;
                case "float" -> XapiType.NODES.numberNode(Double.parseDouble(text.endsWith(".") ? text + "0" : text));
                case "bool" -> XapiType.NODES.booleanNode(Boolean.parseBoolean(text));
                case "datetime" -> XapiType.NODES.textNode(text);
                default -> null;
            };
        }
        if (type instanceof XapiType.Ref) {
            return XapiType.NODES.textNode(text.startsWith("OpaqueRef:") ? text : NULL_REF);
        }
        if (type instanceof XapiType.Enum) {
            return XapiType.NODES.textNode(text);
        }
        if (type instanceof XapiType.MapOf) {
            ObjectNode map = XapiType.NODES.objectNode();
            Matcher entries = MAP_ENTRY.matcher(text);
            while (entries.find()) {
                map.put(entries.group(1), entries.group(2));
            }
            return map;
        }
        if (type instanceof XapiType.SetOf set) {
            ArrayNode array = XapiType.NODES.arrayNode();
            String inner = text.substring(1, text.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String item : inner.split(",")) {
                    JsonNode value = parseDefault(set.element(), item.strip(), model);
                    if (value == null) {
                        return null;
                    }
                    array.add(value);
                }
            }
            return array;
        }
        return null;
    }
}
