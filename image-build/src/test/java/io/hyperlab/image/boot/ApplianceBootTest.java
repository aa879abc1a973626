package io.hyperlab.image.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.image.XvaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Builds the appliance image (image-build/build) and boots it in QEMU: BIOS with a NoCloud
 * seed, the same disk again, and a pristine copy with UEFI. Part of the test command; a
 * developer may skip it with HYPERLAB_SKIP_IMAGE=1 (CI never does). Figures measured here go
 * to target/boot-figures.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplianceBootTest {
    private static final Duration LOGIN_LIMIT = Duration.ofSeconds(240);
    private static final Duration SSH_LIMIT = Duration.ofSeconds(300);
    private static final Duration WEB_LIMIT = Duration.ofSeconds(300);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(420);
    private static final Pattern PASSWORD = Pattern.compile("Admin password: (\\S{10,})");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA-256: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");
    private static final String IMPORT_PASSWORD = "Imported-At-Setup-42";

    private final Path root = Path.of(System.getenv().getOrDefault("HYPERLAB_ROOT", "..")).toAbsolutePath().normalize();
    private final Path out = root.resolve("image-build/out");
    private final Path work = root.resolve("image-build/target/boot-test");
    private final Figures figures = new Figures(root.resolve("image-build/target/boot-figures.txt"));
    private Path qcow2;
    private Path key;
    private TreeSet<String> firstBootKeys;
    private String firstBootPassword;
    private long firstRunId;

    @BeforeAll
    void buildImage() throws Exception {
        boolean skip = "1".equals(System.getenv("HYPERLAB_SKIP_IMAGE"));
        if (skip) {
            System.out.println("ApplianceBootTest skipped: HYPERLAB_SKIP_IMAGE=1 (a developer's local switch; CI never sets it)");
        }
        Assumptions.assumeFalse(skip, "HYPERLAB_SKIP_IMAGE=1");
        assertEquals("0", Tools.run(Duration.ofSeconds(5), "id", "-u").trim(),
            "building the image needs root (loop devices, chroot); run as root, or set HYPERLAB_SKIP_IMAGE=1 to skip locally");
        Tools.deleteTree(work);
        Files.createDirectories(work);
        if ("1".equals(System.getenv("HYPERLAB_IMAGE_REUSE")) && Files.exists(out.resolve("hyperlab.qcow2"))) {
            System.out.println("ApplianceBootTest: HYPERLAB_IMAGE_REUSE=1, testing the image already in " + out);
        } else {
            long start = System.nanoTime();
            Tools.runLogged(Duration.ofMinutes(25), work.resolve("build.log"), root.resolve("image-build/build").toString());
            figures.put("build_seconds (./hyperlab image, inside the test)", (System.nanoTime() - start) / 1_000_000_000L);
        }
        Files.readAllLines(out.resolve("build-report.txt")).forEach(line -> figures.put("build." + line.replace('=', ' ').split(" ")[0],
            line.substring(line.indexOf('=') + 1)));
        qcow2 = out.resolve("hyperlab.qcow2");
        key = work.resolve("id_ed25519");
        Tools.run(Duration.ofSeconds(30), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "boot-test", "-f", key.toString());
        figures.put("accelerator", Qemu.acceleratorName());
    }

    @AfterAll
    void writeFigures() throws IOException {
        figures.write();
    }

    @Test
    @Order(1)
    void xvaHoldsTheRawDiskByteForByteAsDebiansXvaImgReadsIt() throws Exception {
        Path raw = out.resolve("work/disk.raw");
        Path xva = out.resolve("hyperlab.xva");
        XvaCheck.Report report = XvaCheck.check(xva, Optional.of(raw));
        assertEquals(2, report.vcpus());
        assertEquals(1024L << 20, report.memoryBytes());
        assertEquals("bios", report.firmware());

        Path unpacked = work.resolve("xva");
        Files.createDirectories(unpacked);
        try {
            Tools.run(Duration.ofMinutes(5), "tar", "-C", unpacked.toString(), "-xf", xva.toString());
            Path exported = work.resolve("xva-img.raw");
            Tools.run(Duration.ofMinutes(5), "xva-img", "-s", "disk-export", unpacked.resolve("Ref:2") + "/", exported.toString());
            assertEquals(-1L, Files.mismatch(raw, exported), "xva-img's disk equals the raw disk");
            Files.delete(exported);
        } finally {
            Tools.deleteTree(unpacked);
        }
    }

    @Test
    @Order(2)
    void qcow2IsCleanAndHoldsTheRawDisk() throws Exception {
        Tools.run(Duration.ofMinutes(2), "qemu-img", "check", "-q", qcow2.toString());
        String info = Tools.run(Duration.ofSeconds(30), "qemu-img", "info", qcow2.toString());
        assertTrue(info.contains("virtual size: 2 GiB (2147483648 bytes)"), info);
        Tools.run(Duration.ofMinutes(3), "qemu-img", "compare", "-q", qcow2.toString(), out.resolve("work/disk.raw").toString());
    }

    @Test
    @Order(3)
    void firstBootWithBiosMakesKeysAndPasswordAndTakesTheNoCloudSeed() throws Exception {
        Path disk = overlay("first.qcow2");
        Path seed = Seed.write(work.resolve("seed-static.img"), Files.readString(Path.of(key + ".pub")).trim(), null,
            "10.0.2.15/24", "10.0.2.2", "10.0.2.3");
        try (Qemu vm = Qemu.boot(disk, Qemu.Firmware.BIOS, Optional.of(seed), work.resolve("boot1"))) {
            Duration login = vm.await("the serial login prompt", LOGIN_LIMIT, () -> serialHas(vm, "login:"));
            figures.put("bios_first_boot.power_on_to_serial_login_s", login.toSeconds());
            firstBootKeys = awaitHostKeys(vm, "bios_first_boot");
            assertTrue(firstBootKeys.stream().anyMatch(k -> k.startsWith("ssh-ed25519 ")), firstBootKeys.toString());

            Api api = new Api(vm.webPort);
            Duration web = vm.await("the web endpoint over HTTPS", WEB_LIMIT, () -> api.status("/api/v1/health") == 200);
            figures.put("bios_first_boot.power_on_to_web_s", web.toSeconds());
            assertEquals(api.fingerprint(), onTty1(vm, FINGERPRINT), "tty1 shows the certificate the web endpoint serves");
            firstBootPassword = onTty1(vm, PASSWORD);
            assertTrue(api.login("admin", firstBootPassword), "the password tty1 shows logs in to the API");
            assertEquals(api.fingerprint(), api.get("/api/v1/appliance").path("tls").path("fingerprintSha256").asText());
            firstRunId = runShortBenchmark(vm, api, "bios_first_boot");
            assertTrue(Ssh.authenticatesWithPassword(vm.sshPort, "admin", firstBootPassword, work),
                "the password tty1 shows logs admin in over SSH");
            assertFalse(Ssh.authenticatesWithPassword(vm.sshPort, "admin", firstBootPassword + "x", work));
            assertTrue(Ssh.authenticatesWithKey(vm.sshPort, "admin", key), "the seed's key logs admin in");
            assertFalse(Ssh.authenticatesWithKey(vm.sshPort, "root", key), "root cannot log in over SSH");

            try (GuestAgent guest = vm.agent(Duration.ofSeconds(60))) {
                String sshd = guest.sh("sshd -T -C user=admin,host=x,addr=1.2.3.4");
                assertTrue(sshd.contains("permitrootlogin no"), sshd);
                assertTrue(sshd.contains("forcecommand /opt/hyperlab/bin/hyperlab-console"), sshd);
                String network = guest.sh("cat /etc/systemd/network/10-hyperlab-static.network; ip -4 -o addr show scope global");
                assertTrue(network.contains("Address=10.0.2.15/24") && network.contains("Gateway=10.0.2.2")
                    && network.contains("DNS=10.0.2.3"), network);
                assertTrue(network.contains("inet 10.0.2.15/24") && !network.contains("dynamic"), "static, not DHCP: " + network);
                assertEquals("600 admin", guest.sh("stat -c '%a %U' /home/admin/.ssh/authorized_keys").trim());
                assertEquals("600 hyperlab", guest.sh("stat -c '%a %U' /var/lib/hyperlab/first-boot-password").trim());
                assertEquals("hyperlab", guest.sh("ps -o user= -p $(systemctl show -p MainPID --value hyperlab.service)").trim(),
                    "the daemon runs as its own user");
                String units = guest.sh("systemctl is-enabled hyperlab.service hyperlab-console.service serial-getty@ttyS0.service;"
                    + " systemctl is-enabled getty@tty1.service || true");
                assertEquals(List.of("enabled", "enabled", "enabled", "masked"), GuestAgent.lines(units));
                Thread.sleep(20_000);
                figures.put("bios_first_boot.idle_free_m", "\n" + guest.sh("free -m"));
                figures.put("bios_first_boot.idle_daemon_rss_kib", guest.sh(
                    "grep VmRSS /proc/$(systemctl show -p MainPID --value hyperlab.service)/status").replaceAll("\\D", ""));
                figures.put("bios_first_boot.disk_used", guest.sh("df -h / | tail -1").trim());
            }
            vm.shutdown(Duration.ofSeconds(120));
        }
    }

    @Test
    @Order(4)
    void secondBootKeepsKeysPasswordAndData() throws Exception {
        Assumptions.assumeTrue(firstBootKeys != null, "the first boot did not complete");
        try (Qemu vm = Qemu.boot(work.resolve("first.qcow2"), Qemu.Firmware.BIOS, Optional.empty(), work.resolve("boot2"))) {
            assertEquals(firstBootKeys, awaitHostKeys(vm, "bios_second_boot"), "the same host keys on the second boot");
            assertEquals(firstBootPassword, onTty1(vm, PASSWORD));
            Api api = new Api(vm.webPort);
            vm.await("the web endpoint over HTTPS", WEB_LIMIT, () -> api.status("/api/v1/health") == 200);
            assertTrue(api.login("admin", firstBootPassword), "the same password after a reboot");
            assertEquals("completed", api.get("/api/v1/runs/" + firstRunId).path("run").path("status").asText(), "the first boot's run is kept");
            String changed = "Changed-On-Second-Boot-7";
            api.post("/api/v1/account/password", java.util.Map.of("current", firstBootPassword, "new", changed), 204);
            vm.await("tty1 to stop showing the changed password", Duration.ofSeconds(60), () -> !tty1(vm).contains("Admin password"));
            assertTrue(Ssh.authenticatesWithPassword(vm.sshPort, "admin", changed, work), "SSH takes the new password at once");
            assertFalse(Ssh.authenticatesWithPassword(vm.sshPort, "admin", firstBootPassword, work), "and not the old one");
            try (GuestAgent guest = vm.agent(Duration.ofSeconds(60))) {
                String firstBoot = guest.sh("journalctl -b -u hyperlab-firstboot.service --no-pager -q -o cat | head -n3;"
                    + " systemctl show -p ActiveState,ConditionResult hyperlab-firstboot.service");
                assertTrue(firstBoot.contains("ConditionResult=no"), "first boot does not run twice: " + firstBoot);
            }
            vm.shutdown(Duration.ofSeconds(120));
        }
    }

    @Test
    @Order(5)
    void pristineCopyBootsWithUefiUsesDhcpAndMakesItsOwnHostKeys() throws Exception {
        Assumptions.assumeTrue(firstBootKeys != null, "the first boot did not complete");
        Path disk = overlay("uefi.qcow2");
        Path seed = Seed.write(work.resolve("seed-password.img"), null, IMPORT_PASSWORD, null, null, null);
        try (Qemu vm = Qemu.boot(disk, Qemu.Firmware.UEFI, Optional.of(seed), work.resolve("boot3"))) {
            Duration login = vm.await("the serial login prompt", LOGIN_LIMIT, () -> serialHas(vm, "login:"));
            figures.put("uefi_first_boot.power_on_to_serial_login_s", login.toSeconds());
            TreeSet<String> keys = awaitHostKeys(vm, "uefi_first_boot");
            assertTrue(java.util.Collections.disjoint(keys, firstBootKeys), "each copy makes its own host keys");
            Api api = new Api(vm.webPort);
            Duration web = vm.await("the web endpoint over HTTPS", WEB_LIMIT, () -> api.status("/api/v1/health") == 200);
            figures.put("uefi_first_boot.power_on_to_web_s", web.toSeconds());
            assertTrue(api.login("admin", IMPORT_PASSWORD), "the password given at import time logs in to the API");
            assertTrue(Ssh.authenticatesWithPassword(vm.sshPort, "admin", IMPORT_PASSWORD, work),
                "and admin in over SSH");
            try (GuestAgent guest = vm.agent(Duration.ofSeconds(60))) {
                String network = guest.sh("ls /etc/systemd/network; ip -4 -o addr show scope global; test -d /sys/firmware/efi && echo efi");
                assertFalse(network.contains("10-hyperlab-static.network"), network);
                assertTrue(network.contains("dynamic") && network.contains("efi"), "DHCP, booted by UEFI: " + network);
            }
            vm.shutdown(Duration.ofSeconds(120));
        }
    }

    private Path overlay(String name) throws IOException, InterruptedException {
        Path disk = work.resolve(name);
        Files.deleteIfExists(disk);
        Tools.run(Duration.ofSeconds(30), "qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", qcow2.toString(), disk.toString());
        return disk;
    }

    private static boolean serialHas(Qemu vm, String text) {
        try {
            return vm.serial().contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits for sshd's host keys, all three types (RSA, ECDSA, Ed25519) as ssh-keygen -A makes
     * them, and records the time from power-on.
     */
    private TreeSet<String> awaitHostKeys(Qemu vm, String boot) throws Exception {
        List<TreeSet<String>> found = new java.util.ArrayList<>();
        Duration ssh = vm.await("SSH host keys", SSH_LIMIT, () -> {
            try {
                TreeSet<String> keys = Ssh.hostKeys(vm.sshPort);
                found.add(keys);
                return keys.size() == 3;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        figures.put(boot + ".power_on_to_ssh_s", ssh.toSeconds());
        return found.get(found.size() - 1);
    }

    /** A short CPU run started through the API (a task); waits until it completes and is in the history. */
    private long runShortBenchmark(Qemu vm, Api api, String boot) throws Exception {
        long task = api.post("/api/v1/runs", java.util.Map.of("suite", "cpu", "size", "normal", "minTime", 0.1,
            "trials", 1, "maxTrials", 1, "label", "boot test"), 202).path("id").asLong();
        long start = System.nanoTime();
        JsonNode[] state = new JsonNode[1];
        vm.await("benchmark task " + task + " to end", RUN_LIMIT, () -> {
            try {
                state[0] = api.get("/api/v1/tasks/" + task);
                return !List.of("queued", "running").contains(state[0].path("status").asText());
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("succeeded", state[0].path("status").asText(), "benchmark task: " + state[0]);
        figures.put(boot + ".short_cpu_run_s", (System.nanoTime() - start) / 1_000_000_000L);
        long run = state[0].path("runId").asLong();
        assertEquals("completed", api.get("/api/v1/runs/" + run).path("run").path("status").asText());
        JsonNode runs = api.get("/api/v1/runs?label=boot%20test");
        assertTrue(runs.toString().contains("\"id\":" + run), "the run is in the history: " + runs);
        return run;
    }

    /** What tty1 shows (under BIOS: the VGA text memory, read through the QEMU monitor), rows joined. */
    private static String tty1(Qemu vm) {
        try (Monitor monitor = vm.monitor()) {
            return monitor.vgaText().replace("\n", "");
        } catch (IOException e) {
            return "";
        }
    }

    /** The first group of {@code pattern} on tty1, once it shows. */
    private static String onTty1(Qemu vm, Pattern pattern) throws Exception {
        String[] found = new String[1];
        vm.await("tty1 to show " + pattern, Duration.ofSeconds(90), () -> {
            Matcher shown = pattern.matcher(tty1(vm));
            if (shown.find()) {
                found[0] = shown.group(1);
                return true;
            }
            return false;
        });
        return found[0];
    }
}
