package io.hyperlab.host.xapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** session.login_with_password and session.logout: who may log in, and HOST_IS_SLAVE on a pool member. */
final class SessionCalls {
    private SessionCalls() {
    }

    static void register(Map<String, Dispatcher.Handler> handlers) {
        handlers.put("session.login_with_password", SessionCalls::login);
        handlers.put("session.logout", call -> {
            call.store().destroy("session", call.text(0));
            return Call.VOID;
        });
    }

    private static JsonNode login(Call call) {
        ServerState state = call.state();
        if (state.coordinator() != null) {
            throw new XapiFault("HOST_IS_SLAVE", state.coordinator());
        }
        if (!state.acceptsLogin(call.text(0), call.text(1))) {
            throw new XapiFault("SESSION_AUTHENTICATION_FAILED", call.text(0), "Authentication failure");
        }
        String now = Instant.now().toString().replace("-", "").replaceAll("\\.\\d+", "");
        String ref = call.store().create("session", Map.of(
            "this_host", XapiType.NODES.textNode(state.hostRef()),
            "pool", XapiType.NODES.booleanNode(false),
            "is_local_superuser", XapiType.NODES.booleanNode(true),
            "last_active", XapiType.NODES.textNode(now),
            "validation_time", XapiType.NODES.textNode(now),
            "originator", XapiType.NODES.textNode(call.text(3))));
        return XapiType.NODES.textNode(ref);
    }
}
