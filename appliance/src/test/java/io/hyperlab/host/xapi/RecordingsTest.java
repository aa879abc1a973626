package io.hyperlab.host.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HyperLab's client against xen-api's recorded exchanges (XAPI 24): it sends exactly the recorded
 * requests, and reads the recorded answers, odd values and errors included, as XAPI means them.
 */
class RecordingsTest {
    static Vertx vertx;
    static RecordingServer replay;
    static JsonRpcClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        replay = RecordingServer.start(vertx);
        client = new JsonRpcClient(vertx, XapiEndpoint.of(replay.uri()), replay.fingerprint(), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        client.close();
        replay.close();
        vertx.close().await();
    }

    private static RecordingServer play(String file, String id) {
        return replay.play(RecordingServer.load(file).get(id));
    }

    static Stream<String> files() {
        return Stream.of("async_vm_import.json", "event_from.json", "session_login.json", "vm_get_data_sources.json",
            "vm_get_snapshot_time.json", "vm_import.json", "vm_migrate_send.json", "vm_query_data_source.json",
            "vm_retrieve_wlb_recommendations.json", "vm_special_value.json");
    }

    /** Each recorded call, sent with its recorded params, gets back exactly its recorded result. */
    @ParameterizedTest
    @MethodSource("files")
    void everyRecordedCallRoundTrips(String file) throws Exception {
        for (JsonNode recording : RecordingServer.load(file).values()) {
            replay.play(recording);
            for (String method : replay.recordedMethods()) {
                JsonNode result = client.call(method, replay.params(method)).await();
                JsonNode expected = recording.path("expected_result").path(method).path("result");
                assertEquals(RecordingServer.JSON.writeValueAsString(expected), RecordingServer.JSON.writeValueAsString(result), method);
            }
            assertEquals(replay.recordedMethods(), replay.matched());
        }
    }

    @Test
    void loginReadsPoolAndHostAndLogsOut() {
        play("session_login.json", "xapi-24/session_login_01");
        XapiSession.Settings settings = new XapiSession.Settings(replay.fingerprint(), "Go SDK component test",
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(200));
        XapiSession session = XapiSession.open(vertx, XapiEndpoint.of(replay.uri()), "", new char[0], settings).await();
        List<String> pools = session.<List<String>>call(TypeFactory.defaultInstance().constructCollectionType(List.class, String.class),
            "pool.get_all").await();
        XapiRecords.Pool pool = XapiClass.POOL.record(session, pools.get(0)).await();
        XapiRecords.Host host = XapiClass.HOST.record(session, pool.master()).await();
        session.close();

        assertEquals("OpaqueRef:4a0fde9c-5709-4f66-9968-64fb6162bd97", pool.master());
        assertEquals("host0", host.nameLabel());
        assertEquals("24.11", host.softwareVersion().get("xapi"));
        assertEquals(2, host.apiVersionMajor());
        assertEquals(21, host.apiVersionMinor());
        assertEquals(replay.recordedMethods(), replay.matched());
    }

    @Test
    void specialFloatsAndEveryDatetimeSpellingAreRead() {
        play("vm_special_value.json", "xapi-24/vm_special_value_13");
        JsonNode result = client.call("VM.get_all_records", List.of("")).await();
        Map<String, XapiRecords.Vm> vms = XapiSession.convert(result, TypeFactory.defaultInstance()
            .constructMapType(Map.class, String.class, XapiRecords.Vm.class), "VM.get_all_records");
        assertEquals(Double.POSITIVE_INFINITY, vms.get("OpaqueRef:vmref009-7e0e-411f-1b6c-4308fd33b164").hvmShadowMultiplier());
        assertEquals(Double.POSITIVE_INFINITY, vms.get("OpaqueRef:vmref010-7e0e-411f-1b6c-4308fd33b164").hvmShadowMultiplier());
        assertEquals(Double.NEGATIVE_INFINITY, vms.get("OpaqueRef:vmref011-7e0e-411f-1b6c-4308fd33b164").hvmShadowMultiplier());
        assertEquals(Instant.parse("2021-07-28T13:20:00Z"), vms.get("OpaqueRef:vmref009-7e0e-411f-1b6c-4308fd33b164").snapshotTime());
        Instant noon = Instant.parse("2024-04-20T12:00:00Z");
        assertEquals(noon, vms.get("OpaqueRef:vmref010-7e0e-411f-1b6c-4308fd33b164").snapshotTime());
        assertEquals(noon, vms.get("OpaqueRef:vmref011-7e0e-411f-1b6c-4308fd33b164").snapshotTime());
        assertEquals(noon, vms.get("OpaqueRef:vmref012-7e0e-411f-1b6c-4308fd33b164").snapshotTime());
    }

    @Test
    void eventBatchIsReadWithItsTokenCountsAndEvents() {
        play("event_from.json", "xapi-24/event_from_11");
        JsonNode result = client.call("event.from", List.of("", List.of("vm"), "token0", 600.0)).await();
        XapiRecords.EventBatch batch = XapiJson.MAPPER.convertValue(result, XapiRecords.EventBatch.class);
        assertEquals("token0", batch.token());
        assertEquals(Map.of("OpaqueRef:5event01-7b62-f571-d38b-754341a973e5", 6L), batch.validRefCounts());
        XapiRecords.Event event = batch.events().get(0);
        assertEquals("vm", event.className());
        assertEquals("add", event.operation());
        assertEquals(10, event.id());
        assertEquals(Instant.parse("2024-01-01T13:20:11Z"), event.timestamp());
        assertEquals("snapshot0", event.snapshot().get("NameLabel"));
    }

    @Test
    void nanSentAsTextIsReadAsNan() {
        play("vm_query_data_source.json", "xapi-24/vm_query_data_source_08");
        JsonNode result = client.call("VM.query_data_source", replay.params("VM.query_data_source")).await();
        assertTrue(Double.isNaN(XapiJson.MAPPER.convertValue(result, Double.class)));
    }

    @Test
    void xapiErrorBecomesItsCodeAndParameters() {
        play("xapi_error.json", "xapi-24/xapi_error_13");
        XapiException e = assertThrows(XapiException.class, () -> client.call("VM.get_record", replay.params("VM.get_record")).await());
        assertEquals("HANDLE_INVALID", e.code());
        assertEquals(List.of("OpaqueRef:6ef08bce-0bf0-30ff-804f-5f0ee4bbdd13"), e.params());
        assertEquals("VM.get_record", e.method());
    }

    @Test
    void errorObjectThatBreaksTheWireFormatIsAProtocolError() {
        play("rpc_error.json", "xapi-24/rpc_error_09");
        Exception e = assertThrows(Exception.class, () -> client.call("VM.get_record", replay.params("VM.get_record")).await());
        assertInstanceOf(XapiProtocolException.class, e);
        assertTrue(e.getMessage().contains("malformed reply to VM.get_record"), e.getMessage());
    }

    @Test
    void http500IsReportedWithTheServersText() {
        play("http_error.json", "xapi-24/http_error_10");
        assertEquals("{}", client.call("VM.get_record", List.of("", "")).await().toString());
        Exception e = assertThrows(Exception.class,
            () -> client.call("VM.get_record", List.of("", "OpaqueRef:6ef08bce-0bf0-30ff-804f-5f0ee4bbdd13")).await());
        assertInstanceOf(XapiProtocolException.class, e);
        assertTrue(e.getMessage().contains("HTTP 500: Rpc server failed to handle the client request!"), e.getMessage());
    }

    @Test
    void asyncCallAnswersWithATaskReference() {
        play("async_vm_import.json", "xapi-24/async_vm_import_12");
        JsonNode task = client.call("Async.VM.import", replay.params("Async.VM.import")).await();
        assertEquals("OpaqueRef:5task621-7b62-f571-d38b-754341a973e5", task.asText());
    }
}
