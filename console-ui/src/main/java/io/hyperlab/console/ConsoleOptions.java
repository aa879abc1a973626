package io.hyperlab.console;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What the console starts with.
 *
 * @param url          the daemon, e.g. https://127.0.0.1:8443/ (plain http only to this machine)
 * @param data         the daemon's data folder on this machine: the TLS certificate to pin and the
 *                     first-boot password come from it
 * @param fingerprint  the SHA-256 of the daemon's certificate to trust, or null to pin the one in
 *                     {@code data}
 * @param settingsFile where the console keeps its own settings (the auto-logout time)
 */
public record ConsoleOptions(URI url, Path data, String fingerprint, Path settingsFile) {
    public static final String DEFAULT_URL = "https://127.0.0.1:8443/";
    public static final String URL_ENV = "HYPERLAB_URL";
    static final Duration DEFAULT_AUTO_LOGOUT = Duration.ofMinutes(10);

    public ConsoleOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settingsFile, "settingsFile");
        fingerprint = fingerprint == null ? null : normalFingerprint(fingerprint);
    }

    /** Checks a URL the user typed: http or https, a host, nothing after the path; plain http only to loopback. */
    public static URI parseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw ConsoleException.badUsage("--url '" + text + "' is not a URL: write it like " + DEFAULT_URL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw ConsoleException.badUsage("--url '" + text + "' must be an http(s) address with a host, like " + DEFAULT_URL);
        }
        if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw ConsoleException.badUsage("--url '" + text + "' must be the daemon's address only, like " + DEFAULT_URL);
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw ConsoleException.badUsage("--url '" + text + "': plain http is allowed only to a daemon on this machine"
                + " (127.0.0.1, ::1 or localhost), since the password would cross the network in clear; use https://");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    /** AB:CD:... in upper case, from 64 hex digits with or without colons. */
    static String normalFingerprint(String text) {
        String hex = text.strip().replace(":", "").toUpperCase(Locale.ROOT);
        if (hex.startsWith("SHA256=")) {
            hex = hex.substring(7);
        }
        if (!hex.matches("[0-9A-F]{64}")) {
            throw ConsoleException.badUsage("--fingerprint '" + text + "' is not a SHA-256 fingerprint: give 64 hex digits,"
                + " with or without colons, as the appliance's status screen shows them");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 64; i += 2) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return out.toString();
    }

    boolean https() {
        return url.getScheme().equals("https");
    }

    private static boolean loopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
