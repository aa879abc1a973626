package io.hyperlab.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What the system helper does to the operating system: its network interfaces, systemd-networkd
 * and power. {@link #linux()} is the appliance's (networkctl, ip, systemctl); tests give their own.
 */
public interface SystemHost {
    /** How long one command may take. */
    Duration TIMEOUT = Duration.ofSeconds(60);

    /** The names of this machine's network interfaces. */
    Set<String> interfaces();

    /** Makes systemd-networkd read its files again and apply them to these interfaces; fails with what it said. */
    void applyNetwork(List<String> interfaces) throws IOException;

    /** Whether the interface has this address ("A.B.C.D/N") now, as a static one (not a DHCP lease). */
    boolean hasAddress(String iface, String address) throws IOException;

    /** Starts a reboot or power-off (the action is {@code reboot} or {@code poweroff}), without waiting for it. */
    void power(String action) throws IOException;

    /** When this machine booted. */
    Instant bootTime() throws IOException;

    /** The appliance's own: /sys/class/net, networkctl, ip and systemctl. */
    static SystemHost linux() {
        return new SystemHost() {
            @Override
            public Set<String> interfaces() {
                try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
                    TreeSet<String> names = new TreeSet<>();
                    links.forEach(link -> names.add(link.getFileName().toString()));
                    return names;
                } catch (IOException e) {
                    return Set.of();
                }
            }

            @Override
            public void applyNetwork(List<String> interfaces) throws IOException {
                run("networkctl", "reload");
                List<String> reconfigure = new ArrayList<>(List.of("networkctl", "reconfigure"));
                reconfigure.addAll(interfaces);
                if (!interfaces.isEmpty()) {
                    run(reconfigure.toArray(String[]::new));
                }
            }

            @Override
            public boolean hasAddress(String iface, String address) throws IOException {
                String shown = run("ip", "-4", "-o", "addr", "show", "dev", iface);
                // One line per address; a DHCP lease of the same address (before networkd drops it) says "dynamic".
                return shown.lines().anyMatch(line -> line.contains(" inet " + address + " ") && !line.contains(" dynamic"));
            }

            @Override
            public void power(String action) throws IOException {
                run("systemctl", "--no-block", action);
            }

            @Override
            public Instant bootTime() throws IOException {
                // The kernel's boot time in seconds since the epoch: the "btime" line of /proc/stat.
                return Files.readAllLines(Path.of("/proc/stat")).stream().filter(line -> line.startsWith("btime "))
                    .map(line -> Instant.ofEpochSecond(Long.parseLong(line.substring(6).strip())))
                    .findFirst().orElseThrow(() -> new IOException("/proc/stat has no btime line"));
            }
        };
    }

    /** Runs a command; its output, or an IOException naming it with what it printed when it fails. */
    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output not readable: " + e.getMessage() + ")";
            }
        });
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            String printed = output.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + printed.strip());
            }
            return printed;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(String.join(" ", command) + ": its output could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
