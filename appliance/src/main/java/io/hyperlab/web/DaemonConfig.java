package io.hyperlab.web;

import io.hyperlab.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the daemon is started with, from the command line, in one place.
 *
 * @param bind              the address to listen on (all addresses for HTTPS by default, loopback for --http)
 * @param port              0 for any free port
 * @param https             HTTPS with the kept self-signed certificate; plain HTTP only on loopback
 * @param adminPasswordFile a file holding the admin's password, set at setup time; null for none
 * @param appliance         this daemon is the appliance's own (its unit says so): it may ask the image's
 *                          root helper to change the network settings and the power; elsewhere it refuses
 * @param helperTimeout     how long a network change waits for the root helper's answer
 */
public record DaemonConfig(String bind, int port, boolean https, Path data, Path adminPasswordFile, boolean appliance,
                           Duration helperTimeout) {
    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** The largest request body the API reads. */
    public static final long MAX_BODY_BYTES = 1 << 20;
    /** Long enough for systemd-networkd to apply new settings and a DHCP server to answer, on a slow VM. */
    public static final Duration DEFAULT_HELPER_TIMEOUT = Duration.ofSeconds(120);

    public DaemonConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(helperTimeout, "helperTimeout");
        if (port < 0 || port > 65535) {
            throw new InvalidInputException("port", "the port must be from 1 to 65535 (or 0 for any free port), not " + port);
        }
        if (bind == null || bind.isBlank()) {
            bind = https ? "0.0.0.0" : "127.0.0.1";
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("bind", "cannot listen on '" + bind + "': not an address of this machine");
        }
        if (!https && !address.isLoopbackAddress()) {
            throw new InvalidInputException("bind", "--http serves plain HTTP, which is allowed only on loopback (127.0.0.1 or ::1),"
                + " not on " + bind + ": drop --http to serve HTTPS");
        }
    }

    /** A daemon that is not the appliance's (development, tests). */
    public DaemonConfig(String bind, int port, boolean https, Path data, Path adminPasswordFile) {
        this(bind, port, https, data, adminPasswordFile, false, DEFAULT_HELPER_TIMEOUT);
    }

    /** The host part of the URL to print: the name for all addresses, else the bound address. */
    String urlHost(String hostname) {
        if (bind.equals("0.0.0.0") || bind.equals("::")) {
            return hostname;
        }
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
