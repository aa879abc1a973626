package io.hyperlab.host.libvirt;

import io.hyperlab.InvalidInputException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The guest CPU HyperLab gives new VMs on a libvirt host: by default {@code host-passthrough}
 * (the host's own CPU, what a benchmark should see), or what the host URI's {@code cpu}
 * parameter names: {@code host-model} or a named model such as {@code qemu64} (needed under
 * some nested KVMs that refuse the host's MSRs). HyperLab removes the parameter before it
 * gives the URI to libvirt.
 */
record CpuChoice(String mode) {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final CpuChoice DEFAULT = new CpuChoice("host-passthrough");

    CpuChoice {
        if (!MODEL.matcher(mode).matches()) {
            throw new InvalidInputException("CPU '" + mode + "' in the host URI is not a CPU model name:"
                + " use host-passthrough, host-model or a model such as qemu64");
        }
    }

    /** The choice in a URI's query ({@code ?cpu=qemu64}), or the default. */
    static CpuChoice of(URI uri) {
        String query = uri.getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("cpu=")) {
                    return new CpuChoice(pair.substring(4));
                }
            }
        }
        return DEFAULT;
    }

    /** The URI libvirt gets: the same without our {@code cpu} parameter. */
    static URI forLibvirt(URI uri) {
        String query = uri.getQuery();
        if (query == null) {
            return uri;
        }
        StringBuilder rest = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.startsWith("cpu=") && !pair.isEmpty()) {
                rest.append(rest.length() == 0 ? "" : "&").append(pair);
            }
        }
        String text = uri.toString();
        String base = text.substring(0, text.indexOf('?'));
        return URI.create(rest.length() == 0 ? base : base + "?" + rest);
    }

    Xml xml() {
        if (mode.equals("host-passthrough") || mode.equals("host-model")) {
            return Xml.element("cpu").attr("mode", mode).attr("check", "none");
        }
        return Xml.element("cpu").attr("mode", "custom").attr("match", "exact").attr("check", "none")
            .add(Xml.element("model", mode).attr("fallback", "allow"));
    }
}
