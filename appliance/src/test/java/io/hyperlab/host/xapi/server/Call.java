package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One validated call as a handler sees it: the message, its parameters and the server's state. */
record Call(DataModel.MessageDef message, ArrayNode params, ServerState state) {
    /** What XAPI returns for void: an empty string. */
    static final JsonNode VOID = XapiType.NODES.textNode("");

    ObjectStore store() {
        return state.store();
    }

    String className() {
        return message.className();
    }

    JsonNode param(int index) {
        return params.get(index);
    }

    String text(int index) {
        return params.get(index).asText();
    }

    long number(int index) {
        return params.get(index).asLong();
    }

    boolean flag(int index) {
        return params.get(index).asBoolean();
    }

    /** The stored record a reference parameter names (existence was checked before the handler ran). */
    ObjectNode object(int index) {
        DataModel.ParamDef param = message.params().get(index);
        String className = ((XapiType.Ref) param.type()).className();
        return store().get(className, text(index));
    }
}
