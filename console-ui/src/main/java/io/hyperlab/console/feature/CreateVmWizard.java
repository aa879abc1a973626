package io.hyperlab.console.feature;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.Console;
import io.hyperlab.console.Field;
import io.hyperlab.console.FormDialog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The create-VM wizard, in the study's steps: what (name, template, boot mode, home host), the
 * install ISO (library, then image), then size and place (vCPUs, memory, disk, storage,
 * network). What the host offers is read first, so every choice is one the host has; each page
 * checks its fields before the next; the daemon checks all again and says which field is wrong.
 */
final class CreateVmWizard {
    static final List<String> LIBVIRT_PROFILES = List.of("debian12", "generic-linux", "windows");
    static final String NONE = "(none)";
    static final String DEFAULT = "(default)";
    static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*([KMGT]i?B|[kKMGT]B|B)?");
    static final int MAX_VCPUS = 256;

    private CreateVmWizard() {
    }

    /** What the host offers the wizard. */
    private record Offer(JsonNode facts, List<String> libraries, Map<String, List<String>> isos) {
    }

    static void run(Console console, JsonNode host) {
        String hostName = host.path("name").asText();
        console.run("read what " + hostName + " offers", () -> offer(console, host), offer -> pages(console, host, offer));
    }

    private static Offer offer(Console console, JsonNode host) {
        JsonNode facts = console.client().get(HostPicker.path(host)).path("facts");
        List<String> libraries = new ArrayList<>();
        Map<String, List<String>> isos = new LinkedHashMap<>();
        for (JsonNode library : console.client().get(HostPicker.path(host, "iso-libraries"))) {
            String name = library.path("name").asText();
            libraries.add(name);
            List<String> images = new ArrayList<>();
            console.client().get(HostPicker.path(host, "iso-libraries", name, "isos")).forEach(iso -> images.add(iso.path("name").asText()));
            isos.put(name, images);
        }
        return new Offer(facts, libraries, isos);
    }

    private static void pages(Console console, JsonNode host, Offer offer) {
        boolean libvirt = host.path("kind").asText().equals("libvirt");
        Map<String, String> chosen = new LinkedHashMap<>();
        List<Field> what = new ArrayList<>();
        what.add(Field.text("name", "Name", "", HostsFeature::name));
        what.add(libvirt ? Field.choice("template", "Template", LIBVIRT_PROFILES, "debian12")
            : Field.text("template", "Template", "Debian Bookworm 12", Field.required(HostsFeature.MAX_TEXT)));
        what.add(Field.choice("boot", "Boot mode", List.of("bios", "uefi"), "bios"));
        List<String> poolHosts = new ArrayList<>(List.of(DEFAULT));
        offer.facts().path("poolHosts").forEach(member -> poolHosts.add(member.asText()));
        if (!libvirt && poolHosts.size() > 1) {
            what.add(Field.choice("homeHost", "Home host", poolHosts, DEFAULT));
        }
        if (!page(console, "Create a VM (1 of 3): what", "On " + HostPicker.describe(host) + ".", what, chosen)) {
            return;
        }

        List<String> libraries = new ArrayList<>(List.of(NONE));
        libraries.addAll(offer.libraries());
        if (!page(console, "Create a VM (2 of 3): install ISO", "The ISO library holding the installer, or none.",
            List.of(Field.choice("isoLibrary", "ISO library", libraries, libraries.size() > 1 ? libraries.get(1) : NONE)), chosen)) {
            return;
        }
        if (!chosen.get("isoLibrary").equals(NONE)) {
            List<String> images = offer.isos().getOrDefault(chosen.get("isoLibrary"), List.of());
            if (images.isEmpty()) {
                console.message("Create a VM", "ISO library " + chosen.get("isoLibrary") + " holds no ISO image: add one, rescan it"
                    + " under Storage, or choose none.");
                return;
            }
            if (!page(console, "Create a VM (2 of 3): install ISO", "The installer in " + chosen.get("isoLibrary") + ".",
                List.of(Field.choice("iso", "ISO image", images, images.get(0))), chosen)) {
                return;
            }
        }

        List<String> storage = new ArrayList<>(List.of(DEFAULT));
        offer.facts().path("storage").forEach(pool -> {
            if (!pool.path("isoLibrary").asBoolean()) {
                storage.add(pool.path("name").asText());
            }
        });
        List<String> networks = new ArrayList<>(List.of(NONE));
        offer.facts().path("networks").forEach(network -> networks.add(network.path("name").asText()));
        Object task = FormDialog.show(console, "Create a VM (3 of 3): size and place", "Sizes like 2GiB or 512MiB.", List.of(
                Field.text("vcpus", "vCPUs", "1", Field.wholeNumber(1, MAX_VCPUS, false)),
                Field.text("memory", "Memory", "1GiB", CreateVmWizard::size),
                Field.text("disk", "Disk", "20GiB", CreateVmWizard::size),
                Field.choice("storage", "Storage", storage, DEFAULT),
                Field.choice("network", "Network", networks, networks.size() > 1 ? networks.get(1) : NONE)),
            values -> {
                Map<String, Object> body = new LinkedHashMap<>();
                chosen.forEach((name, value) -> putChosen(body, name, value));
                body.put("vcpus", Integer.parseInt(values.get("vcpus").strip()));
                body.put("memory", values.get("memory").strip());
                body.put("disk", values.get("disk").strip());
                putChosen(body, "storage", values.get("storage"));
                putChosen(body, "network", values.get("network"));
                return console.client().post(HostPicker.path(host, "vms"), body);
            });
        if (task instanceof JsonNode queued) {
            SetupTasks.follow(console, queued, ended -> VmsFeature.list(console, host, SetupTasks.outcome(ended)));
        }
    }

    /** One page of the wizard: its answers go into {@code chosen}; false when the user left with Esc. */
    private static boolean page(Console console, String title, String intro, List<Field> fields, Map<String, String> chosen) {
        Object answered = FormDialog.show(console, title, intro, fields, values -> {
            chosen.putAll(values);
            return Boolean.TRUE;
        });
        return answered != null;
    }

    private static void putChosen(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank() && !value.equals(NONE) && !value.equals(DEFAULT)) {
            body.put(name, value.strip());
        }
    }

    private static String size(String value) {
        if (value.isBlank()) {
            return "required: a size like 2GiB";
        }
        return SIZE.matcher(value.strip()).matches() ? null : "not a size: write it like 2GiB or 512MiB";
    }
}
