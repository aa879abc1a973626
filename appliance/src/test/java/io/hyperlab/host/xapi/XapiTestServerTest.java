package io.hyperlab.host.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test server is as strict as XAPI: what XAPI would refuse, it refuses with XAPI's error. */
class XapiTestServerTest {
    static JsonRpcClient client;
    static String session;

    @RegisterExtension
    static final XapiLab LAB = new XapiLab(lab -> {
        client = new JsonRpcClient(lab.vertx(), XapiEndpoint.of(lab.server().uri()), lab.server().fingerprint(), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
        session = client.call("session.login_with_password", List.of("root", "secret", "1.0", "test")).await().asText();
    }, false);

    private static XapiException refusal(String method, Object... params) {
        return assertThrows(XapiException.class, () -> client.call(method, List.of(params)).await());
    }

    @Test
    void unknownMethodIsMessageMethodUnknown() {
        XapiException e = refusal("VM.teleport", session);
        assertEquals("MESSAGE_METHOD_UNKNOWN", e.code());
        assertEquals(List.of("VM.teleport"), e.params());
    }

    @Test
    void wrongParameterCountIsACountMismatchWithBothCounts() {
        XapiException e = refusal("VM.get_record", session);
        assertEquals("MESSAGE_PARAMETER_COUNT_MISMATCH", e.code());
        assertEquals(List.of("VM.get_record", "2", "1"), e.params());
    }

    @Test
    void parameterOfTheWrongTypeIsRefused() {
        String vm = client.call("VM.get_all", List.of(session)).await().get(0).asText();
        XapiException e = refusal("VM.set_VCPUs_max", session, vm, "4");
        assertEquals("FIELD_TYPE_ERROR", e.code());
        assertEquals(List.of("value"), e.params());
    }

    @Test
    void unknownReferenceIsHandleInvalidNamingTheClass() {
        XapiException e = refusal("VM.get_record", session, "OpaqueRef:00000000-0000-0000-0000-000000000000");
        assertEquals("HANDLE_INVALID", e.code());
        assertEquals(List.of("VM", "OpaqueRef:00000000-0000-0000-0000-000000000000"), e.params());
    }

    @Test
    void unknownSessionIsSessionInvalid() {
        XapiException e = refusal("VM.get_all", "OpaqueRef:not-a-session");
        assertEquals("SESSION_INVALID", e.code());
    }

    @Test
    void messageRemovedFromTheApiIsRefused() {
        String metrics = client.call("VM_guest_metrics.get_all", List.of(session)).await().get(0).asText();
        assertEquals("MESSAGE_REMOVED", refusal("VM_guest_metrics.get_memory", session, metrics).code());
    }

    @Test
    void wrongPasswordIsAuthenticationFailed() {
        XapiException e = refusal("session.login_with_password", "root", "wrong", "1.0", "test");
        assertEquals("SESSION_AUTHENTICATION_FAILED", e.code());
        assertEquals("root", e.param(0));
    }

    @Test
    void recordsHoldEveryLiveFieldOfTheDataModelAndNoRemovedOne() {
        Map.Entry<String, JsonNode> metrics = client.call("host_metrics.get_all_records", List.of(session)).await().properties().iterator().next();
        Set<String> fields = new HashSet<>();
        metrics.getValue().fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("uuid", "memory_total", "live", "last_updated", "other_config"), fields);
        assertFalse(fields.contains("memory_free"), "memory_free was removed from XAPI in favour of RRDs");
        JsonNode vm = client.call("VM.get_all_records", List.of(session)).await().elements().next();
        assertTrue(vm.path("memory_static_max").isIntegralNumber());
        assertEquals(1.0, vm.path("HVM_shadow_multiplier").asDouble());
        assertTrue(vm.path("snapshot_time").asText().matches("\\d{8}T\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void createNeedsEveryConstructorFieldAndTheObjectThenExists() {
        XapiException missing = refusal("network.create", session, Map.of("name_label", "half"));
        assertEquals("INTERNAL_ERROR", missing.code());
        assertTrue(missing.param(0).contains("other_config"), missing.getMessage());
        String ref = client.call("network.create", List.of(session, Map.of("name_label", "lab-internal", "other_config", Map.of())))
            .await().asText();
        JsonNode all = client.call("network.get_all_records", List.of(session)).await();
        assertEquals("lab-internal", all.path(ref).path("name_label").asText());
        assertEquals("xapi", all.path(ref).path("bridge").asText().substring(0, 4));
        client.call("network.destroy", List.of(session, ref)).await();
    }

    @Test
    void asyncCallsAnswerWithATaskThatHoldsTheResult() {
        String template = LAB.server().find("VM", "name_label", "Other install media").get(0).path("uuid").asText();
        String ref = client.call("VM.get_by_uuid", List.of(session, template)).await().asText();
        String task = client.call("Async.VM.clone", List.of(session, ref, "async-clone")).await().asText();
        JsonNode record = client.call("task.get_record", List.of(session, task)).await();
        assertEquals("success", record.path("status").asText());
        String clone = XapiSession.taskValue(record.path("result").asText());
        assertEquals("async-clone", client.call("VM.get_name_label", List.of(session, clone)).await().asText());
        assertEquals("MESSAGE_METHOD_UNKNOWN", refusal("Async.VM.get_record", session, clone).code());
        client.call("VM.destroy", List.of(session, clone)).await();
        client.call("task.destroy", List.of(session, task)).await();
    }

    @Test
    void jsonRpc10RequestsGetTheErrorAsAnArray() {
        JsonNode reply = post("{\"method\":\"VM.get_all\",\"params\":[\"OpaqueRef:nobody\"],\"id\":\"xyz\"}").bodyAsJson(JsonNode.class);
        assertTrue(reply.path("result").isNull());
        assertEquals("SESSION_INVALID", reply.path("error").path(0).asText());
        assertEquals("xyz", reply.path("id").asText());
        assertFalse(reply.has("jsonrpc"));
    }

    @Test
    void malformedRequestGetsXapisHttp500Page() {
        HttpResponse<Buffer> response = post("{\"jsonrpc\":\"2.0\",\"method\":\"session.login_with_password\",\"id\":0}");
        assertEquals(500, response.statusCode());
        assertTrue(response.bodyAsString().contains("Jsonrpc.Malformed_method_request"), response.bodyAsString());
    }

    private static HttpResponse<Buffer> post(String body) {
        WebClient web = WebClient.create(LAB.vertx(), new WebClientOptions().setSsl(true).setVerifyHost(false)
            .setTrustOptions(new PinnedTrustOptions(new PinningTrustManager(LAB.server().fingerprint()))));
        try {
            return web.post(LAB.server().port(), LAB.server().address(), "/jsonrpc").sendBuffer(Buffer.buffer(body)).await();
        } finally {
            web.close();
        }
    }
}
