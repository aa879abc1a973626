package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The messages XAPI generates for every class from its fields: get_all, get_all_records,
 * get_record, get_by_uuid, get_by_name_label, get_FIELD, set_FIELD, add_to_/remove_from_ a map,
 * add_/remove_ a set (tags), create and destroy.
 */
final class ImplicitCalls {
    private ImplicitCalls() {
    }

    /** The generic handler for {@code message}, or null when it is not one of the generated kinds. */
    static Dispatcher.Handler handler(DataModel.MessageDef message) {
        String name = message.name();
        return switch (name) {
            case "get_all" -> call -> refs(call.store().refs(call.className(), record -> true));
            case "get_all_records" -> call -> call.store().allViews(call.className());
            case "get_record" -> call -> call.store().view(call.className(), call.text(1));
            case "get_by_uuid" -> call -> XapiType.NODES.textNode(call.store().byUuid(call.className(), call.text(1)));
            case "get_by_name_label" -> call -> refs(call.store().refs(call.className(),
                record -> record.path("name_label").asText().equals(call.text(1))));
            case "create" -> ImplicitCalls::create;
            case "destroy" -> call -> {
                call.store().destroy(call.className(), call.text(1));
                return Call.VOID;
            };
            default -> fieldHandler(name);
        };
    }

    private static Dispatcher.Handler fieldHandler(String name) {
        if (name.startsWith("get_")) {
            String field = name.substring(4);
            return call -> call.store().view(call.className(), call.text(1)).get(field);
        }
        if (name.startsWith("set_")) {
            String field = name.substring(4);
            return call -> {
                call.object(1).set(field, call.param(2).deepCopy());
                return Call.VOID;
            };
        }
        if (name.startsWith("add_to_")) {
            String field = name.substring(7);
            return call -> {
                ObjectNode map = (ObjectNode) call.object(1).get(field);
                if (map.has(call.text(2))) {
                    throw new XapiFault("MAP_DUPLICATE_KEY", call.className(), field, call.text(1), call.text(2));
                }
                map.set(call.text(2), call.param(3).deepCopy());
                return Call.VOID;
            };
        }
        if (name.startsWith("remove_from_")) {
            String field = name.substring(12);
            return call -> {
                ((ObjectNode) call.object(1).get(field)).remove(call.text(2));
                return Call.VOID;
            };
        }
        if (name.equals("add_tags") || name.equals("remove_tags")) {
            boolean add = name.startsWith("add_");
            return call -> {
                ArrayNode tags = (ArrayNode) call.object(1).get("tags");
                List<String> current = Dispatcher.texts(tags);
                tags.removeAll();
                current.stream().filter(tag -> !tag.equals(call.text(2))).forEach(tags::add);
                if (add) {
                    tags.add(call.text(2));
                }
                return Call.VOID;
            };
        }
        return null;
    }

    /**
     * {@code CLASS.create(record)}: every field a constructor takes and the model gives no
     * default for must be there, as XAPI's record unmarshaller requires.
     */
    private static JsonNode create(Call call) {
        ObjectNode given = (ObjectNode) call.param(1);
        requireConstructorFields(call.store().model().classDef(call.className()), given);
        return XapiType.NODES.textNode(call.store().create(call.className(), Dispatcher.toMap(given)));
    }

    static void requireConstructorFields(DataModel.ClassDef cls, ObjectNode given) {
        for (DataModel.FieldDef field : cls.liveFields()) {
            boolean constructor = field.qualifier().equals("RW") || field.qualifier().equals("RO/constructor");
            if (constructor && field.defaultText() == null && !given.has(field.name())) {
                throw new XapiFault("INTERNAL_ERROR", "field " + field.name() + " is missing from the " + cls.name() + " record");
            }
        }
        given.fieldNames().forEachRemaining(name -> {
            DataModel.FieldDef field = cls.fields().get(name);
            if (field.removed()) {
                throw new XapiFault("INTERNAL_ERROR", "field " + name + " of " + cls.name() + " was removed from the API");
            }
        });
    }

    static ArrayNode refs(List<String> refs) {
        ArrayNode array = XapiType.NODES.arrayNode();
        refs.forEach(array::add);
        return array;
    }
}
