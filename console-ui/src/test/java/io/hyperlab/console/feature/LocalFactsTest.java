package io.hyperlab.console.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH host key fingerprints as the status screen shows them, checked against OpenSSH's own ssh-keygen. */
class LocalFactsTest {
    @Test
    void fingerprintsMatchSshKeygen(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(available("ssh-keygen"), "ssh-keygen is not installed: skipping the comparison with OpenSSH");
        for (String type : new String[] {"ed25519", "ecdsa", "rsa"}) {
            Path key = folder.resolve("ssh_host_" + type + "_key");
            run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString());
        }
        List<LocalFacts.HostKey> keys = LocalFacts.sshHostKeys(folder);
        assertEquals(List.of("ECDSA", "ED25519", "RSA"), keys.stream().map(LocalFacts.HostKey::type).toList());
        for (LocalFacts.HostKey key : keys) {
            Path pub = folder.resolve("ssh_host_" + key.type().toLowerCase(java.util.Locale.ROOT) + "_key.pub");
            String keygen = run("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString());
            assertTrue(keygen.contains(" " + key.fingerprint() + " "), "ssh-keygen says " + keygen + ", we say " + key.fingerprint());
        }
    }

    @Test
    void ignoresWhatIsNotAPublicKey() {
        assertNull(LocalFacts.hostKey(""));
        assertNull(LocalFacts.hostKey("ssh-ed25519 not*base64"));
    }

    private static boolean available(String command) {
        try {
            return new ProcessBuilder("which", command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }
}
