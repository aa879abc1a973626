package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.Feature;
import io.hyperlab.console.Field;
import io.hyperlab.console.FormDialog;
import io.hyperlab.console.Pane;
import io.hyperlab.console.Text;
import io.hyperlab.console.TextWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Storage: a host's ISO libraries; add one over NFS or SMB, list its ISO images, rescan it. */
final class StorageFeature implements Feature {
    @Override
    public MenuEntry entry() {
        return new MenuEntry("Storage", 55, true);
    }

    @Override
    public void status(Pane pane, Console console) {
        pane.title("Storage: ISO Libraries").blank();
        JsonNode hosts = pane.item(console.hot().get(HostPicker.HOSTS), "the hosts");
        if (hosts == null) {
            return;
        }
        pane.field("Hosts", hosts.size());
        pane.blank().hint(hosts.isEmpty() ? "Add a host under Hypervisor Hosts first."
            : "Press <Enter> to pick a host: add an ISO library (NFS or SMB), list its ISOs, rescan it.");
    }

    @Override
    public void activate(Console console) {
        HostPicker.pick(console, "Storage", host -> libraries(console, host));
    }

    private static void libraries(Console console, JsonNode host) {
        String hostName = host.path("name").asText();
        console.run("list the ISO libraries of " + hostName, () -> console.client().get(HostPicker.path(host, "iso-libraries")), libraries -> {
            List<String> actions = new ArrayList<>(List.of("Add an ISO library (NFS or SMB)"));
            libraries.forEach(library -> actions.add(library.path("name").asText() + "  (" + library.path("type").asText() + ", "
                + library.path("location").asText("") + ")"));
            int chosen = console.choose("ISO libraries on " + hostName, null, actions);
            if (chosen == 0) {
                add(console, host);
            } else if (chosen > 0) {
                library(console, host, libraries.get(chosen - 1).path("name").asText());
            }
        });
    }

    private static void library(Console console, JsonNode host, String library) {
        switch (console.choose("ISO library " + library, null, List.of("List ISO images", "Rescan"))) {
            case 0 -> console.run("list the ISOs in " + library, () -> console.client().get(HostPicker.path(host, "iso-libraries", library,
                "isos")), isos -> {
                    List<List<String>> rows = new ArrayList<>();
                    isos.forEach(iso -> rows.add(List.of(iso.path("name").asText(), Text.bytes(iso.path("sizeBytes").asLong()))));
                    Pane pane = new Pane().title(isos.size() + " ISO images in " + library).blank();
                    if (rows.isEmpty()) {
                        pane.text("None: copy images to the share, then rescan.");
                    } else {
                        pane.table(List.of("Image", "Size"), rows);
                    }
                    TextWindow.show(console, "ISO library " + library, pane);
                });
            case 1 -> console.run("rescan " + library, () -> console.client().post(HostPicker.path(host, "iso-libraries", library, "rescan"),
                null), task -> SetupTasks.follow(console, task, ended -> { }));
            default -> {
            }
        }
    }

    private static void add(Console console, JsonNode host) {
        Object task = FormDialog.show(console, "Add an ISO library", "NFS: server:/export/isos. SMB: //server/share"
                + " (with a user and password if the share needs them).",
            List.of(
                Field.text("name", "Name", "", HostsFeature::name),
                Field.choice("kind", "Kind", List.of("nfs", "cifs"), "nfs"),
                Field.text("location", "Location", "", Field.required(HostsFeature.MAX_TEXT)),
                Field.text("user", "User (SMB)", "", Field.optional(HostsFeature.MAX_TEXT)),
                Field.secret("password", "Password (SMB)", Field.optional(HostsFeature.MAX_TEXT))),
            values -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", values.get("name").strip());
                body.put("kind", values.get("kind"));
                body.put("location", values.get("location").strip());
                if (!values.get("user").isBlank()) {
                    body.put("user", values.get("user").strip());
                }
                if (!values.get("password").isEmpty()) {
                    body.put("password", values.get("password"));
                }
                return console.client().post(HostPicker.path(host, "iso-libraries"), body);
            });
        if (task instanceof JsonNode queued) {
            SetupTasks.follow(console, queued, ended -> { });
        }
    }
}
