package io.hyperlab.console.feature;

import io.hyperlab.console.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What the status screen reads on the console's own machine, beside the daemon: the SSH host
 * keys' fingerprints (public files, as {@code ssh-keygen -l} shows them) and the first-boot
 * admin password, which only an account allowed to read the daemon's file (root on tty1) sees.
 */
final class LocalFacts {
    static final String FIRST_BOOT_FILE = "first-boot-password";
    private static final Path SSH = Path.of("/etc/ssh");

    private LocalFacts() {
    }

    /** One host key: its type (ED25519, ECDSA, RSA) and SHA256:... fingerprint. */
    record HostKey(String type, String fingerprint) {
    }

    /** The SSH host keys of this machine, when the console talks to a daemon on this machine; else none. */
    static List<HostKey> sshHostKeys(Console console) {
        if (!local(console)) {
            return List.of();
        }
        return sshHostKeys(SSH);
    }

    static List<HostKey> sshHostKeys(Path folder) {
        List<HostKey> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "ssh_host_*_key.pub")) {
            for (Path file : files) {
                HostKey key = hostKey(Files.readString(file, StandardCharsets.US_ASCII));
                if (key != null) {
                    keys.add(key);
                }
            }
        } catch (IOException e) {
            return keys;
        }
        keys.sort((a, b) -> a.type().compareTo(b.type()));
        return keys;
    }

    /** A key from an OpenSSH public key line ({@code ssh-ed25519 AAAA... comment}), or null when it is not one. */
    static HostKey hostKey(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 2) {
            return null;
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String type = parts[0].toLowerCase(Locale.ROOT);
        String name = type.contains("ed25519") ? "ED25519" : type.startsWith("ecdsa") ? "ECDSA" : type.contains("rsa") ? "RSA"
            : type.toUpperCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return new HostKey(name, "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }

    /** The one-time admin password while the daemon keeps it (until it is changed), if this account may read it. */
    static String firstBootPassword(Console console) {
        Path file = console.options().data().resolve(FIRST_BOOT_FILE);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the daemon runs on this machine (so local files describe it). */
    static boolean local(Console console) {
        String host = console.client().base().getHost();
        return host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1") || host.equalsIgnoreCase("localhost");
    }
}
