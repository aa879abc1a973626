package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.input.KeyType;
import io.hyperlab.console.ConsoleLab;
import io.hyperlab.console.ScreenDriver;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The iperf3 server: a bad port refused beside the field, started on a free port (it really listens), stopped. */
class NetworkTestServerScreenTest {
    @RegisterExtension
    static final ConsoleLab lab = ConsoleLab.https();

    @Test
    void startsOnTheChosenPortShowsHowToReachItAndStops() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ScreenDriver screen = lab.loggedIn()) {
            screen.select("Network Test Server").waitFor("Status          stopped");
            screen.press(KeyType.Enter).waitFor("Start the network test server");
            screen.erase(4).type("70000").press(KeyType.Enter, 2);
            screen.waitUntil(s -> screen.hasLine("Port:", "70000", "out of range"), "'out of range' beside Port");
            screen.erase(5).type(Integer.toString(port)).press(KeyType.Enter, 2);
            String text = screen.waitFor("Network test server started.");
            assertTrue(screen.hasLine("Port", Integer.toString(port)), text);
            screen.waitUntil(s -> screen.hasLine("From a laptop", "iperf3 -c ", "-p " + port), "the iperf3 command with the port");
            try (Socket connected = new Socket("127.0.0.1", port)) {
                assertTrue(connected.isConnected(), "the server listens on " + port);
            }
            JsonNode status = lab.admin().get("api/v1/iperf3-server");
            assertEquals(port, status.path("port").asInt(), status.toString());

            screen.press(KeyType.Enter).waitFor("Stop the server");
            screen.press(KeyType.Enter).waitFor("Network test server stopped.");
        }
        assertEquals("stopped", lab.admin().get("api/v1/iperf3-server").path("status").asText());
    }
}
