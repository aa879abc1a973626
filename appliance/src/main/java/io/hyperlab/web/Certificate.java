package io.hyperlab.web;

import io.hyperlab.FileWrites;
import io.hyperlab.HyperLabException;
import io.hyperlab.web.auth.AuthService;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The daemon's TLS certificate: self-signed (EC P-256), made on first start and kept in
 * {@code DATA/tls/} ({@code cert.pem}, and {@code key.pem} readable by the daemon's user only),
 * so that its fingerprint, shown on the console and in the appliance resource, stays the same.
 * One that has expired, or whose key is missing, is made anew.
 *
 * @param fingerprint the SHA-256 of the certificate, as browsers show it (AB:CD:...)
 */
public record Certificate(Path certFile, Path keyFile, String fingerprint, Instant notAfter, boolean created) {
    static final Duration VALIDITY = Duration.ofDays(3650);

    /** Loads the kept certificate, or makes one for this host's names and addresses. */
    public static Certificate ensure(Path data, String hostname, List<InetAddress> addresses) {
        Path folder = data.resolve("tls");
        Path cert = folder.resolve("cert.pem");
        Path key = folder.resolve("key.pem");
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            X509Certificate existing = read(cert);
            if (existing.getNotAfter().toInstant().isAfter(Instant.now())) {
                return new Certificate(cert, key, fingerprint(existing), existing.getNotAfter().toInstant(), false);
            }
        }
        X509Certificate made = create(hostname, addresses, cert, key);
        return new Certificate(cert, key, fingerprint(made), made.getNotAfter().toInstant(), true);
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot take the certificate's SHA-256", e);
        }
    }

    private static X509Certificate create(String hostname, List<InetAddress> addresses, Path certFile, Path keyFile) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            var subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, hostname)
                .addRDN(BCStyle.O, "HyperLab appliance")
                .build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(hostname, addresses)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            AuthService.writeOwnerOnly(keyFile, pem(new JcaPKCS8Generator(pair.getPrivate(), null)));
            FileWrites.replace(certFile, certFile.toAbsolutePath().getParent(), "rw-r--r--", pem(certificate));
            return certificate;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new HyperLabException("cannot make the TLS certificate in " + certFile.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static GeneralName[] names(String hostname, List<InetAddress> addresses) {
        Set<String> dns = new LinkedHashSet<>(List.of(hostname.toLowerCase(Locale.ROOT), "localhost"));
        List<GeneralName> names = new ArrayList<>();
        dns.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
        addresses.forEach(address -> ips.add(address.getHostAddress().replaceAll("%.*$", "")));
        ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return names.toArray(GeneralName[]::new);
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static X509Certificate read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new HyperLabException("the TLS certificate " + file + " cannot be read (" + e.getMessage()
                + "); move it and key.pem aside to have a new one made", e);
        }
    }
}
