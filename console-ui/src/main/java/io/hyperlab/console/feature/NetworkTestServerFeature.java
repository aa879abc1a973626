package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Field;
import io.hyperlab.console.FormDialog;
import io.hyperlab.console.Pane;
import java.util.List;
import java.util.Map;

/**
 * Network test server: start and stop the appliance's iperf3-compatible server, and show the
 * command a laptop runs against it (as the study measured the network from outside).
 */
final class NetworkTestServerFeature implements Feature {
    static final String SERVER = "api/v1/iperf3-server";
    static final int DEFAULT_PORT = 5201;

    @Override
    public MenuEntry entry() {
        return new MenuEntry("Network Test Server", 65, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Network Test Server (iperf3)").blank();
        JsonNode server = pane.item(console.hot().get(SERVER), "the iperf3 server");
        if (server == null) {
            return;
        }
        String status = server.path("status").asText();
        pane.field("Status", status);
        if (!status.equals("stopped")) {
            int port = server.path("port").asInt();
            pane.field("Port", port);
            JsonNode appliance = console.hot().value(StatusFeature.APPLIANCE);
            StringBuilder commands = new StringBuilder();
            if (appliance != null) {
                for (JsonNode address : appliance.path("addresses")) {
                    if (address.path("family").asText().equals("ipv4")) {
                        commands.append(commands.length() > 0 ? "\n" : "").append("iperf3 -c ").append(address.path("address").asText())
                            .append(port == DEFAULT_PORT ? "" : " -p " + port);
                    }
                }
            }
            pane.field("From a laptop", commands.length() == 0 ? "iperf3 -c APPLIANCE -p " + port : commands.toString());
        }
        pane.field("Tests served", server.path("tests").asInt());
        JsonNode last = server.path("last");
        if (last.isObject()) {
            pane.field("Last test", last.path("test").asText() + (last.path("completed").asBoolean() ? ", completed"
                : ", not completed" + (last.hasNonNull("error") ? ": " + last.get("error").asText() : "")));
        }
        pane.blank().hint(status.equals("stopped") ? "Press <Enter> to start it." : "Press <Enter> to stop it.");
    }

    @Override
    public void activate(Console console) {
        console.run("read the iperf3 server", () -> console.client().get(SERVER), server -> {
            if (!server.path("status").asText().equals("stopped")) {
                if (console.choose("Network Test Server", "It serves on port " + server.path("port").asInt() + ".",
                    List.of("Stop the server")) == 0) {
                    console.run("stop the iperf3 server", () -> console.client().delete(SERVER), nothing -> changed(console, "stopped"));
                }
                return;
            }
            Object started = FormDialog.show(console, "Start the network test server", "iperf3's own port is " + DEFAULT_PORT
                    + "; 0 takes any free one.",
                List.of(Field.text("port", "Port", Integer.toString(DEFAULT_PORT), Field.wholeNumber(0, 65535, false))),
                values -> console.client().post(SERVER, Map.of("port", Integer.parseInt(values.get("port").strip()))));
            if (started != null) {
                changed(console, "started");
            }
        });
    }

    private static void changed(Console console, String what) {
        console.hot().invalidate(SERVER);
        console.announce("Network test server " + what + ".");
    }
}
