package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a call as XAPI does before running it (the method exists and is not removed, the
 * parameter count and every parameter's type match the data model, the session is live, every
 * reference names an existing object), then runs its handler. Messages without a handler of
 * their own get the generic ones every class has (records, getters, setters, create, destroy);
 * any other message answers NOT_IMPLEMENTED, so a client never silently gets a fake success.
 */
final class Dispatcher {
    /** Runs one validated call. */
    interface Handler {
        JsonNode handle(Call call);
    }

    private static final Set<String> NO_ASYNC = Set.of("session", "task", "event");

    private final ServerState state;
    private final Map<String, Handler> handlers = new HashMap<>();

    Dispatcher(ServerState state) {
        this.state = state;
        SessionCalls.register(handlers);
        VmCalls.register(handlers);
        StorageCalls.register(handlers);
        NetworkCalls.register(handlers);
        handlers.put("task.cancel", call -> {
            if (call.object(1).path("status").asText().equals("pending")) {
                call.object(1).put("status", "cancelled");
            }
            return Call.VOID;
        });
    }

    JsonNode dispatch(String method, ArrayNode params) {
        state.record(method);
        boolean async = method.startsWith("Async.");
        String name = async ? method.substring("Async.".length()) : method;
        DataModel.MessageDef message = state.store().model().message(name)
            .orElseThrow(() -> new XapiFault("MESSAGE_METHOD_UNKNOWN", method));
        if (DataModel.REMOVED.equals(message.state())) {
            throw new XapiFault("MESSAGE_REMOVED", method);
        }
        if (async && (NO_ASYNC.contains(message.className()) || isImplicit(message))) {
            throw new XapiFault("MESSAGE_METHOD_UNKNOWN", method);
        }
        if (params.size() != message.params().size()) {
            throw new XapiFault("MESSAGE_PARAMETER_COUNT_MISMATCH", method,
                Integer.toString(message.params().size()), Integer.toString(params.size()));
        }
        validate(message, params);
        XapiFault injected = state.takeFault(name);
        Call call = new Call(message, params, state);
        if (!async) {
            if (injected != null) {
                throw injected;
            }
            JsonNode result = handler(message).handle(call);
            state.afterSuccess(name);
            return result;
        }
        return runAsTask(message, call, injected);
    }

    private void validate(DataModel.MessageDef message, ArrayNode params) {
        DataModel model = state.store().model();
        for (int i = 0; i < params.size(); i++) {
            DataModel.ParamDef param = message.params().get(i);
            JsonNode value = params.get(i);
            String problem = param.type().check(value, model);
            if (problem != null) {
                throw new XapiFault("FIELD_TYPE_ERROR", param.name());
            }
            if (param.type() instanceof XapiType.Ref ref && ref.className().equals("session")) {
                if (!state.store().exists("session", value.asText())) {
                    throw new XapiFault("SESSION_INVALID", value.asText());
                }
            } else {
                checkReferences(param.type(), value, false);
            }
        }
    }

    /** Every reference must name an object; OpaqueRef:NULL is allowed inside records only. */
    private void checkReferences(XapiType type, JsonNode value, boolean nullAllowed) {
        if (type instanceof XapiType.Ref ref) {
            String text = value.asText();
            if (!(nullAllowed && text.equals(DataModel.NULL_REF)) && !state.store().exists(ref.className(), text)) {
                throw XapiFault.handleInvalid(ref.className(), text);
            }
        } else if (type instanceof XapiType.SetOf set) {
            value.forEach(item -> checkReferences(set.element(), item, nullAllowed));
        } else if (type instanceof XapiType.MapOf map) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                checkReferences(map.key(), XapiType.NODES.textNode(entry.getKey()), nullAllowed);
                checkReferences(map.value(), entry.getValue(), nullAllowed);
            }
        } else if (type instanceof XapiType.Record record) {
            DataModel.ClassDef cls = state.store().model().classDef(record.className());
            value.fieldNames().forEachRemaining(field -> checkReferences(cls.fields().get(field).type(), value.get(field), true));
        }
    }

    private Handler handler(DataModel.MessageDef message) {
        Handler handler = handlers.get(message.wireName());
        if (handler != null) {
            return handler;
        }
        Handler implicit = ImplicitCalls.handler(message);
        if (implicit != null) {
            return implicit;
        }
        return call -> {
            throw new XapiFault("NOT_IMPLEMENTED", message.wireName());
        };
    }

    private static boolean isImplicit(DataModel.MessageDef message) {
        String name = message.name();
        return name.startsWith("get_") || name.startsWith("set_") || name.startsWith("add_to_") || name.startsWith("remove_from_");
    }

    /** Async calls run at once; the task records the outcome, with the result as XAPI writes it (XML-RPC). */
    private JsonNode runAsTask(DataModel.MessageDef message, Call call, XapiFault injected) {
        ObjectNode task = XapiType.NODES.objectNode();
        task.put("name_label", "Async." + message.wireName());
        if (state.takeHang(message.wireName())) {
            task.put("status", "pending");
            return XapiType.NODES.textNode(state.store().create("task", toMap(task)));
        }
        task.put("progress", 1.0);
        try {
            if (injected != null) {
                throw injected;
            }
            JsonNode result = handler(message).handle(call);
            state.afterSuccess(message.wireName());
            task.put("status", "success");
            task.put("result", result.isTextual() && result.asText().isEmpty() ? "" : "<value>" + result.asText() + "</value>");
        } catch (XapiFault fault) {
            task.put("status", "failure");
            ArrayNode info = task.putArray("error_info").add(fault.code());
            fault.params().forEach(info::add);
        }
        return XapiType.NODES.textNode(state.store().create("task", toMap(task)));
    }

    static Map<String, JsonNode> toMap(ObjectNode fields) {
        Map<String, JsonNode> map = new HashMap<>();
        fields.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue()));
        return map;
    }

    static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
