package io.hyperlab.host.xapi.server;

import io.hyperlab.host.Fingerprint;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.security.cert.CertificateException;

/**
 * A self-signed certificate for a test server, as a XenServer host makes one at install, held in
 * memory (its temporary files are deleted at once). The key is EC: RSA key generation takes
 * seconds on a busy 2-core machine, EC milliseconds.
 */
public final class TestCertificate {
    private final Buffer certificate;
    private final Buffer key;
    private final Fingerprint fingerprint;

    private TestCertificate(Buffer certificate, Buffer key, Fingerprint fingerprint) {
        this.certificate = certificate;
        this.key = key;
        this.fingerprint = fingerprint;
    }

    // Netty marks its generator deprecated in favour of netty-pkitesting, which the build does not
    // have; it still makes a plain self-signed certificate, which is all a test server needs.
    @SuppressWarnings("deprecation")
    public static TestCertificate create(String hostName) {
        SelfSignedCertificate made = null;
        try {
            made = new SelfSignedCertificate(hostName, "EC", 256);
            return new TestCertificate(Buffer.buffer(Files.readAllBytes(made.certificate().toPath())),
                Buffer.buffer(Files.readAllBytes(made.privateKey().toPath())), Fingerprint.ofCertificate(made.cert().getEncoded()));
        } catch (CertificateException | IOException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        } finally {
            if (made != null) {
                made.delete();
            }
        }
    }

    public PemKeyCertOptions keyCertOptions() {
        return new PemKeyCertOptions().setCertValue(certificate).setKeyValue(key);
    }

    /** The certificate's SHA-256 fingerprint, as the host's console would show it. */
    public Fingerprint fingerprint() {
        return fingerprint;
    }
}
