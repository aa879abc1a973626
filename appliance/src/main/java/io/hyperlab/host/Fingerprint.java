package io.hyperlab.host;

import com.fasterxml.jackson.annotation.JsonValue;
import io.hyperlab.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a host's TLS certificate, as pinned on first connect: written as 32
 * upper-case hex pairs joined by ':', the form {@code openssl x509 -fingerprint -sha256} prints.
 */
public record Fingerprint(String sha256) {
    private static final Pattern HEX_64 = Pattern.compile("[0-9A-F]{64}");

    public Fingerprint {
        sha256 = normalize(sha256);
    }

    /** Reads a fingerprint as users paste it: with or without ':' or spaces, any case, with an optional "SHA256:" prefix. */
    public static Fingerprint parse(String text) {
        return new Fingerprint(text);
    }

    /** The fingerprint of a certificate's DER encoding. */
    public static Fingerprint ofCertificate(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return new Fingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return sha256;
    }

    private static String normalize(String text) {
        if (text == null) {
            throw new InvalidInputException("the fingerprint must not be empty: give the SHA-256 fingerprint HyperLab showed");
        }
        String hex = text.strip().toUpperCase(Locale.ROOT);
        if (hex.startsWith("SHA256:") || hex.startsWith("SHA-256:")) {
            hex = hex.substring(hex.indexOf(':') + 1);
        }
        hex = hex.replace(":", "").replace(" ", "");
        if (!HEX_64.matcher(hex).matches()) {
            throw new InvalidInputException("fingerprint '" + Names.printable(text) + "' is not a SHA-256 fingerprint:"
                + " give 64 hex digits, optionally in pairs joined by ':' (as HyperLab shows it)");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }
}
