package io.hyperlab.image.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** The OpenSSH client against a booted appliance's forwarded port. */
final class Ssh {
    private static final List<String> OPTIONS = List.of("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "ConnectTimeout=20", "-o", "NumberOfPasswordPrompts=1", "-T", "-v");

    private Ssh() {
    }

    /** The host's public keys (type and key), or empty while sshd does not answer. */
    static TreeSet<String> hostKeys(int port) throws IOException, InterruptedException {
        Process scan = new ProcessBuilder("ssh-keyscan", "-T", "15", "-p", String.valueOf(port), "127.0.0.1")
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        scan.waitFor(30, TimeUnit.SECONDS);
        TreeSet<String> keys = new TreeSet<>();
        out.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> keys.add(l.substring(l.indexOf(' ') + 1)));
        return keys;
    }

    /** Whether {@code user} authenticates with this private key. */
    static boolean authenticatesWithKey(int port, String user, Path key) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ssh", "-i", key.toString(), "-o", "PreferredAuthentications=publickey",
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes"));
        return authenticates(command, port, user, Optional.empty(), key.getParent());
    }

    /** Whether {@code user} authenticates with this password. */
    static boolean authenticatesWithPassword(int port, String user, String password, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ssh", "-o", "PreferredAuthentications=password",
            "-o", "PubkeyAuthentication=no"));
        return authenticates(command, port, user, Optional.of(password), dir);
    }

    private static boolean authenticates(List<String> command, int port, String user, Optional<String> password, Path dir)
            throws IOException, InterruptedException {
        command.addAll(OPTIONS);
        command.addAll(List.of("-p", String.valueOf(port), user + "@127.0.0.1", "true"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path log = Files.createTempFile(dir, "ssh", ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        if (password.isPresent()) {
            Path askpass = dir.resolve("askpass");
            Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' \"$HYPERLAB_TEST_PASSWORD\"\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            builder.environment().put("SSH_ASKPASS", askpass.toString());
            builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
            builder.environment().put("HYPERLAB_TEST_PASSWORD", password.get());
        }
        Process ssh = builder.start();
        // After authentication the forced command (the console) runs; it is not this check's concern.
        if (!ssh.waitFor(60, TimeUnit.SECONDS)) {
            ssh.destroyForcibly().waitFor();
        }
        String out = Files.readString(log);
        Files.delete(log);
        return out.contains("Authenticated to 127.0.0.1");
    }
}
