package io.hyperlab.host.xapi;

import io.hyperlab.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a certificate, written as {@code openssl x509 -fingerprint -sha256}
 * prints it: 32 upper-case hex bytes joined by colons.
 */
public record CertificateFingerprint(String value) {
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    public CertificateFingerprint {
        value = normalize(value);
    }

    /** Reads a fingerprint as a user may paste it: colons, spaces or none, either case, "SHA256:" in front or not. */
    public static CertificateFingerprint parse(String text) {
        return new CertificateFingerprint(text);
    }

    /** The fingerprint of the certificate's DER encoding. */
    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new CertificateFingerprint(COLONS.formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate of " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static String normalize(String text) {
        if (text == null) {
            throw new InvalidInputException("TLS fingerprint is missing: give the SHA-256 fingerprint, 64 hex digits");
        }
        String hex = text.strip();
        if (hex.regionMatches(true, 0, "SHA256:", 0, 7)) {
            hex = hex.substring(7);
        }
        hex = hex.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new InvalidInputException("TLS fingerprint '" + text + "' is not a SHA-256 fingerprint: "
                + "give 64 hex digits, colons allowed (as 'openssl x509 -noout -fingerprint -sha256' prints it)");
        }
        return COLONS.formatHex(HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return value;
    }
}
