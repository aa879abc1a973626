package io.hyperlab.image.boot;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One boot of the appliance in QEMU: q35, 2 vCPUs, 512 MiB, virtio disk and NIC, user
 * networking that forwards SSH and HTTPS to loopback ports, serial console to a file, the
 * HMP monitor and the guest agent on Unix sockets. Stopped (and its sockets removed) by
 * {@link #close()}, which every test calls through try-with-resources.
 */
final class Qemu implements AutoCloseable {
    static final String OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd";
    static final String OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd";

    enum Firmware { BIOS, UEFI }

    final Path dir;
    final int sshPort;
    final int webPort;
    final Instant started;
    private final Process process;

    private Qemu(Path dir, int sshPort, int webPort, Process process) {
        this.dir = dir;
        this.sshPort = sshPort;
        this.webPort = webPort;
        this.process = process;
        this.started = Instant.now();
    }

    /** Boots {@code disk} (a qcow2 this boot may write) with an optional NoCloud seed disk. */
    static Qemu boot(Path disk, Firmware firmware, Optional<Path> seed, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("serial.log"));
        int ssh = freePort();
        int web = freePort();
        List<String> command = new ArrayList<>(List.of("qemu-system-x86_64",
            "-machine", "q35", "-smp", "2", "-m", "512",
            "-display", "none", "-vga", "std", "-no-user-config", "-nodefaults",
            "-drive", "file=" + disk.toAbsolutePath() + ",if=virtio,format=qcow2,cache=unsafe",
            "-netdev", "user,id=net0,hostfwd=tcp:127.0.0.1:" + ssh + "-:22,hostfwd=tcp:127.0.0.1:" + web + "-:443",
            "-device", "virtio-net-pci,netdev=net0",
            "-serial", "file:" + dir.resolve("serial.log").toAbsolutePath(),
            "-monitor", "unix:" + dir.resolve("monitor.sock").toAbsolutePath() + ",server=on,wait=off",
            "-chardev", "socket,id=qga0,path=" + dir.resolve("qga.sock").toAbsolutePath() + ",server=on,wait=off",
            "-device", "virtio-serial-pci",
            "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0"));
        command.addAll(accelerator());
        if (firmware == Firmware.UEFI) {
            Path vars = dir.resolve("OVMF_VARS.fd");
            Files.copy(Path.of(OVMF_VARS), vars, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            command.addAll(List.of(
                "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + OVMF_CODE,
                "-drive", "if=pflash,format=raw,unit=1,file=" + vars.toAbsolutePath()));
        }
        seed.ifPresent(s -> command.addAll(List.of("-drive", "file=" + s.toAbsolutePath() + ",if=virtio,format=raw,readonly=on")));
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("qemu.log").toFile())
            .start();
        Qemu qemu = new Qemu(dir, ssh, web, process);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return qemu;
    }

    /**
     * KVM when the machine offers one that boots a stock kernel, else TCG. This build
     * machine's /dev/kvm is the paravirtual nested "kvm-pvm", under which the kernel hangs.
     * HYPERLAB_QEMU_ACCEL=kvm|tcg overrides.
     */
    static List<String> accelerator() {
        String chosen = System.getenv("HYPERLAB_QEMU_ACCEL");
        if (chosen == null || chosen.isBlank()) {
            boolean usableKvm = Files.isReadable(Path.of("/dev/kvm")) && Files.isWritable(Path.of("/dev/kvm"))
                && !Files.exists(Path.of("/sys/module/kvm_pvm"));
            chosen = usableKvm ? "kvm" : "tcg";
        }
        return chosen.equals("kvm")
            ? List.of("-accel", "kvm", "-cpu", "host")
            : List.of("-accel", "tcg,thread=multi", "-cpu", "max");
    }

    static String acceleratorName() {
        return accelerator().get(1).startsWith("kvm") ? "KVM" : "TCG";
    }

    String serial() throws IOException {
        Path log = dir.resolve("serial.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    boolean running() {
        return process.isAlive();
    }

    /** Waits until {@code ready} holds; fails with the serial log's tail if time runs out or QEMU dies. */
    Duration await(String what, Duration limit, BooleanSupplier ready) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return Duration.between(started, Instant.now());
            }
            if (!process.isAlive()) {
                throw new AssertionError("QEMU exited (" + process.exitValue() + ") before " + what + "\n" + tail());
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s\n" + tail());
    }

    String tail() throws IOException {
        String serial = serial();
        String qemuLog = Files.exists(dir.resolve("qemu.log")) ? Files.readString(dir.resolve("qemu.log")) : "";
        return "--- serial (last 3000 chars) ---\n" + serial.substring(Math.max(0, serial.length() - 3000))
            + "\n--- qemu ---\n" + qemuLog;
    }

    Monitor monitor() throws IOException {
        return Monitor.connect(dir.resolve("monitor.sock"));
    }

    GuestAgent agent(Duration limit) throws IOException, InterruptedException {
        return GuestAgent.await(dir.resolve("qga.sock"), limit);
    }

    /** Asks the guest to power off (ACPI), and waits for QEMU to exit. */
    void shutdown(Duration limit) throws IOException, InterruptedException {
        try (Monitor monitor = monitor()) {
            monitor.command("system_powerdown");
        }
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the guest did not power off within " + limit.toSeconds() + " s\n" + tail());
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(dir.resolve("monitor.sock"));
        Files.deleteIfExists(dir.resolve("qga.sock"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
