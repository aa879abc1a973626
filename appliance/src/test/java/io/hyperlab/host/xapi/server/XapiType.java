package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A type of XAPI's data model as its JSON spells it ({@code int}, {@code VM ref},
 * {@code (string -> string) map}, {@code enum vbd_mode set}, {@code VBD record}, ...), able to
 * check a JSON value against it and to write a field's default value.
 */
sealed interface XapiType {
    JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Null when {@code value} has this type in {@code model}, else what is wrong with it. */
    String check(JsonNode value, DataModel model);

    /** The value a field of this type has when the data model gives no default. */
    JsonNode zero(DataModel model);

    /** Parses a type as the data model writes it. */
    static XapiType parse(String text) {
        String type = text.strip();
        if (type.startsWith("(") && type.endsWith(") map")) {
            String inner = type.substring(1, type.length() - ") map".length());
            int arrow = topLevelArrow(inner);
            return new MapOf(parse(inner.substring(0, arrow)), parse(inner.substring(arrow + 2)));
        }
        if (type.endsWith(" set")) {
            return new SetOf(parse(type.substring(0, type.length() - 4)));
        }
        if (type.endsWith(" option")) {
            return new OptionOf(parse(type.substring(0, type.length() - 7)));
        }
        if (type.endsWith(" ref")) {
            return new Ref(type.substring(0, type.length() - 4));
        }
        if (type.endsWith(" record")) {
            return new Record(type.substring(0, type.length() - 7));
        }
        if (type.startsWith("enum ")) {
            return new Enum(type.substring(5));
        }
        return switch (type) {
            case "string", "int", "float", "bool", "datetime", "void" -> new Primitive(type);
            default -> new Opaque(type);
        };
    }

    private static int topLevelArrow(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length() - 1; i++) {
            char c = inner.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && inner.startsWith("->", i)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no '->' in map type (" + inner + ")");
    }

    record Primitive(String name) implements XapiType {
        @Override
        public String check(JsonNode value, DataModel model) {
            boolean ok = switch (name) {
                case "string" -> value.isTextual();
                case "int" -> value.isIntegralNumber();
                case "float" -> value.isNumber();
                case "bool" -> value.isBoolean();
                case "datetime" -> value.isTextual() && value.asText().matches("\\d{8}T\\d\\d:\\d\\d:\\d\\dZ?|\\d{4}-\\d\\d-\\d\\dT.*");
                default -> false;
            };
            return ok ? null : "expected " + name + ", got " + value;
        }

        @Override
        public JsonNode zero(DataModel model) {
            return switch (name) {
                case "int" -> NODES.numberNode(0L);
                case "float" -> NODES.numberNode(0.0);
                case "bool" -> NODES.booleanNode(false);
                case "datetime" -> NODES.textNode("19700101T00:00:00Z");
                default -> NODES.textNode("");
            };
        }
    }

    /** A reference: its syntax here; whether the object exists is the server's check. */
    record Ref(String className) implements XapiType {
        @Override
        public String check(JsonNode value, DataModel model) {
            return value.isTextual() && value.asText().startsWith("OpaqueRef:") ? null
                : "expected a " + className + " ref (OpaqueRef:...), got " + value;
        }

        @Override
        public JsonNode zero(DataModel model) {
            return NODES.textNode(DataModel.NULL_REF);
        }
    }

    record Enum(String name) implements XapiType {
        @Override
        public String check(JsonNode value, DataModel model) {
            List<String> values = model.enumValues(name);
            return value.isTextual() && values.contains(value.asText()) ? null
                : "expected one of enum " + name + " " + values + ", got " + value;
        }

        @Override
        public JsonNode zero(DataModel model) {
            return NODES.textNode(model.enumValues(name).get(0));
        }
    }

    record SetOf(XapiType element) implements XapiType {
        @Override
        public String check(JsonNode value, DataModel model) {
            if (!value.isArray()) {
                return "expected an array, got " + value;
            }
            for (JsonNode item : value) {
                String problem = element.check(item, model);
                if (problem != null) {
                    return "in an array: " + problem;
                }
            }
            return null;
        }

        @Override
        public JsonNode zero(DataModel model) {
            return NODES.arrayNode();
        }
    }

    record OptionOf(XapiType element) implements XapiType {
        @Override
        public String check(JsonNode value, DataModel model) {
            return value.isNull() ? null : element.check(value, model);
        }

        @Override
        public JsonNode zero(DataModel model) {
            return NODES.nullNode();
        }
    }

    /** A map: a JSON object whose keys are the key type written as strings. */
    record MapOf(XapiType key, XapiType value) implements XapiType {
        @Override
        public String check(JsonNode node, DataModel model) {
            if (!node.isObject()) {
                return "expected an object, got " + node;
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String problem = key instanceof Primitive p && p.name().equals("int")
                    ? (entry.getKey().matches("-?\\d+") ? null : "map key '" + entry.getKey() + "' is not an int")
                    : key.check(NODES.textNode(entry.getKey()), model);
                if (problem == null) {
                    problem = value.check(entry.getValue(), model);
                }
                if (problem != null) {
                    return "in map entry '" + entry.getKey() + "': " + problem;
                }
            }
            return null;
        }

        @Override
        public JsonNode zero(DataModel model) {
            return NODES.objectNode();
        }
    }

    /** A whole record as a constructor takes it: only the class's fields, each of its type. */
    record Record(String className) implements XapiType {
        @Override
        public String check(JsonNode value, DataModel model) {
            if (!value.isObject()) {
                return "expected a " + className + " record (an object), got " + value;
            }
            DataModel.ClassDef cls = model.classDef(className);
            List<String> problems = new ArrayList<>();
            value.fieldNames().forEachRemaining(name -> {
                DataModel.FieldDef field = cls.fields().get(name);
                String problem = field == null ? "no field " + className + "." + name : field.type().check(value.get(name), model);
                if (problem != null) {
                    problems.add(name + ": " + problem);
                }
            });
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        @Override
        public JsonNode zero(DataModel model) {
            ObjectNode record = NODES.objectNode();
            model.classDef(className).liveFields().forEach(field -> record.set(field.name(), field.initialValue(model)));
            return record;
        }
    }

    /** Result-only shapes the data model names in words (an event batch); never a parameter. */
    record Opaque(String name) implements XapiType {
        @Override
        public String check(JsonNode value, DataModel model) {
            return null;
        }

        @Override
        public JsonNode zero(DataModel model) {
            return NODES.nullNode();
        }
    }
}
