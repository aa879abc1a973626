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
    private static final Duration CONSOLE_LIMIT = Duration.ofSeconds(180);
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
            String console = tty1Console(vm, "bios_first_boot");
            assertEquals(api.fingerprint(), ConsoleScreen.fingerprint(console), "tty1's console shows the certificate the web endpoint serves");
            firstBootPassword = ConsoleScreen.password(console);
            assertTrue(api.login("admin", firstBootPassword), "the password tty1 shows logs in to the API");
            assertEquals(api.fingerprint(), api.get("/api/v1/appliance").path("tls").path("fingerprintSha256").asText());
            firstRunId = runShortBenchmark(vm, api, "bios_first_boot");
            assertTrue(Ssh.authenticatesWithPassword(vm.sshPort, "admin", firstBootPassword, work),
                "the password tty1 shows logs admin in over SSH");
            assertFalse(Ssh.authenticatesWithPassword(vm.sshPort, "admin", firstBootPassword + "x", work));
            assertTrue(Ssh.authenticatesWithKey(vm.sshPort, "admin", key), "the seed's key logs admin in");
            assertFalse(Ssh.authenticatesWithKey(vm.sshPort, "root", key), "root cannot log in over SSH");
            sshLandsInTheConsole(vm, api, firstBootPassword, "bios_first_boot");

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
                figures.put("bios_first_boot.idle_tty1_console_rss_kib", guest.sh(
                    "grep VmRSS /proc/$(systemctl show -p MainPID --value hyperlab-console.service)/status").replaceAll("\\D", ""));
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
            assertEquals(firstBootPassword, ConsoleScreen.password(tty1Console(vm, "bios_second_boot")));
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

    /**
     * Then, through the API: a static address (the one QEMU's user network gives by DHCP) that
     * the root helper applies with systemd-networkd, and a reboot after which the appliance comes
     * back with its data, keys and that address.
     */
    @Test
    @Order(5)
    void pristineCopyBootsWithUefiUsesDhcpAndMakesItsOwnHostKeysThenTakesAStaticAddressAndRebootsThroughTheApi() throws Exception {
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
            String bootId;
            try (GuestAgent guest = vm.agent(Duration.ofSeconds(60))) {
                String network = guest.sh("ls /etc/systemd/network; ip -4 -o addr show scope global; test -d /sys/firmware/efi && echo efi");
                assertFalse(network.contains("10-hyperlab-static.network"), network);
                assertTrue(network.contains("dynamic") && network.contains("efi"), "DHCP, booted by UEFI: " + network);
                assertEquals("dhcp", api.get("/api/v1/appliance").path("network").path("mode").asText());

                long start = System.nanoTime();
                JsonNode task = awaitTask(vm, api, api.put("/api/v1/appliance/network", java.util.Map.of("mode", "static",
                    "address", "10.0.2.15/24", "gateway", "10.0.2.2", "dns", List.of("10.0.2.3")), 202).path("id").asLong());
                assertEquals("succeeded", task.path("status").asText(), "the network change: " + task);
                figures.put("uefi_first_boot.static_address_through_the_api_s", (System.nanoTime() - start) / 1_000_000_000L);
                String applied = guest.sh("cat /etc/systemd/network/10-hyperlab-static.network; ip -4 -o addr show scope global;"
                    + " cat /var/lib/hyperlab/system/network.result.json; stat -c '%a %U' /var/lib/hyperlab/system/network.result.json");
                assertTrue(applied.contains("[Match]\nName=en") && applied.contains("\n\n[Network]\nAddress=10.0.2.15/24\nGateway=10.0.2.2\nDNS=10.0.2.3\n"),
                    applied);
                assertTrue(applied.contains("inet 10.0.2.15/24") && !applied.contains("dynamic"), "networkd put it on, static: " + applied);
                assertTrue(applied.contains("\"ok\":true") && applied.contains("644 root"), applied);
                JsonNode network2 = api.get("/api/v1/appliance").path("network");
                assertEquals("static", network2.path("mode").asText(), network2.toString());
                assertEquals("applied", network2.path("change").path("state").asText(), network2.toString());
                bootId = guest.sh("cat /proc/sys/kernel/random/boot_id").trim();
            }

            int logins = serialLogins(vm);
            assertEquals("reboot", api.post("/api/v1/appliance/reboot", null, 202).path("action").asText());
            long start = System.nanoTime();
            // Read from the serial port, not the guest agent, which goes away during the reboot.
            vm.await("the appliance to reboot to a new login prompt", Duration.ofSeconds(360), () -> serialLogins(vm) > logins);
            try (GuestAgent guest = vm.agent(Duration.ofSeconds(120))) {
                assertNotEquals(bootId, guest.sh("cat /proc/sys/kernel/random/boot_id").trim(), "a new boot");
            }
            Api after = new Api(vm.webPort);
            vm.await("the web endpoint after the reboot", WEB_LIMIT, () -> after.status("/api/v1/health") == 200);
            figures.put("uefi_reboot_through_the_api.to_web_s", (System.nanoTime() - start) / 1_000_000_000L);
            assertEquals(api.fingerprint(), after.fingerprint(), "the same certificate after the reboot");
            assertTrue(after.login("admin", IMPORT_PASSWORD), "the same account after the reboot");
            assertEquals(keys, awaitHostKeys(vm, null), "the same host keys after the reboot");
            JsonNode network = after.get("/api/v1/appliance").path("network");
            assertEquals("static", network.path("mode").asText(), network.toString());
            assertEquals("applied", network.path("change").path("state").asText(), "the last change is still reported: " + network);
            try (GuestAgent guest = vm.agent(Duration.ofSeconds(60))) {
                String state = guest.sh("ip -4 -o addr show scope global; ls /var/lib/hyperlab/system;"
                    + " journalctl -b -u hyperlab-system.service --no-pager -q -o cat | tail -n 3; echo end");
                assertTrue(state.contains("inet 10.0.2.15/24") && !state.contains("dynamic"), "still static: " + state);
                assertFalse(state.contains("power"), "the power request was removed before the reboot: " + state);
                assertFalse(state.contains("applied"), "the helper did not apply the old request again: " + state);
            }
            vm.shutdown(Duration.ofSeconds(120));
        }
    }

    /** Waits until a task ends; its final state. */
    private static JsonNode awaitTask(Qemu vm, Api api, long task) throws Exception {
        JsonNode[] state = new JsonNode[1];
        vm.await("task " + task + " to end", RUN_LIMIT, () -> {
            try {
                state[0] = api.get("/api/v1/tasks/" + task);
                return !List.of("queued", "running").contains(state[0].path("status").asText());
            } catch (Exception e) {
                return false;
            }
        });
        return state[0];
    }

    private Path overlay(String name) throws IOException, InterruptedException {
        Path disk = work.resolve(name);
        Files.deleteIfExists(disk);
        Tools.run(Duration.ofSeconds(30), "qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", qcow2.toString(), disk.toString());
        return disk;
    }

    /** How many login prompts the serial port has shown since QEMU started: one per boot. */
    private static int serialLogins(Qemu vm) {
        try {
            return vm.serial().split("hyperlab login:", -1).length - 1;
        } catch (IOException e) {
            return 0;
        }
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
     * them (one ssh-keyscan may miss one on a busy machine), and records the time from power-on
     * under {@code boot}'s name unless it is null.
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
        if (boot != null) {
            figures.put(boot + ".power_on_to_ssh_s", ssh.toSeconds());
        }
        return found.get(found.size() - 1);
    }

    /** A short CPU run started through the API (a task); waits until it completes and is in the history. */
    private long runShortBenchmark(Qemu vm, Api api, String boot) throws Exception {
        long task = api.post("/api/v1/runs", java.util.Map.of("suite", "cpu", "size", "normal", "minTime", 0.1,
            "trials", 1, "maxTrials", 1, "label", "boot test"), 202).path("id").asLong();
        long start = System.nanoTime();
        JsonNode state = awaitTask(vm, api, task);
        assertEquals("succeeded", state.path("status").asText(), "benchmark task: " + state);
        figures.put(boot + ".short_cpu_run_s", (System.nanoTime() - start) / 1_000_000_000L);
        long run = state.path("runId").asLong();
        assertEquals("completed", api.get("/api/v1/runs/" + run).path("run").path("status").asText());
        JsonNode runs = api.get("/api/v1/runs?label=boot%20test");
        assertTrue(runs.toString().contains("\"id\":" + run), "the run is in the history: " + runs);
        return run;
    }

    /** What tty1 shows (under BIOS: the VGA text memory, read through the QEMU monitor), rows joined. */
    private static String tty1(Qemu vm) {
        return tty1Rows(vm).replace("\n", "");
    }

    private static String tty1Rows(Qemu vm) {
        try (Monitor monitor = vm.monitor()) {
            return monitor.vgaText();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * tty1's rows once the HyperLab console itself (not its wrapper's waiting screen) shows its
     * status display with the first-boot password; records the time from power-on.
     */
    private String tty1Console(Qemu vm, String boot) throws Exception {
        String[] rows = new String[1];
        Duration shown = vm.await("tty1 to show the HyperLab console with the first-boot password", CONSOLE_LIMIT, () -> {
            rows[0] = tty1Rows(vm);
            return ConsoleScreen.isConsole(rows[0]) && ConsoleScreen.showsPassword(rows[0]);
        });
        figures.put(boot + ".power_on_to_tty1_console_s", shown.toSeconds());
        return rows[0];
    }

    /**
     * {@code ssh admin@} in a terminal (tmux at 80x24), as a person does it: the password, then the
     * console, not a shell, with the daemon's certificate pinned (it talks to the daemon, so it shows
     * its version and the fingerprint the web endpoint serves) and without the first-boot password
     * (admin cannot read the data folder); logging in to it shows the main menu; quitting it ends
     * the SSH session.
     */
    private void sshLandsInTheConsole(Qemu vm, Api api, String password, String boot) throws Exception {
        String ssh = "ssh -p " + vm.sshPort + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
            + " -o PubkeyAuthentication=no -o PreferredAuthentications=password admin@127.0.0.1";
        try (Tmux terminal = Tmux.start(ssh)) {
            terminal.await("ssh's password prompt", Duration.ofSeconds(60), screen -> screen.contains("password:"));
            long start = System.nanoTime();
            terminal.type(password);
            terminal.keys("Enter");
            String first = terminal.await("the HyperLab console after the SSH password", CONSOLE_LIMIT,
                screen -> ConsoleScreen.isConsole(screen) && screen.contains("HyperLab 0."));
            figures.put(boot + ".ssh_password_to_console_ms", (System.nanoTime() - start) / 1_000_000L);
            assertEquals(api.fingerprint(), ConsoleScreen.fingerprint(first), "the console over SSH pins the daemon's certificate");
            assertFalse(first.contains("Admin password"), "admin over SSH cannot read the first-boot password:\n" + first);
            terminal.keys("Enter");
            terminal.await("the console's login dialog", Duration.ofSeconds(60), screen -> screen.contains("Log in to HyperLab"));
            terminal.keys("Down");
            terminal.type(password);
            terminal.keys("Enter", "Enter");
            String menu = terminal.await("the main menu, logged in", Duration.ofSeconds(60),
                screen -> screen.contains("Logged in as admin.") || screen.contains("IP addresses"));
            for (String item : List.of("Status Display", "Authentication", "Network and Management", "Hypervisor Hosts", "Benchmarks",
                "History")) {
                assertTrue(menu.contains(item), "the main menu shows " + item + ":\n" + menu);
            }
            terminal.keys("Escape");
            terminal.await("the console's quit question", Duration.ofSeconds(30), screen -> screen.contains("Leave the HyperLab console?"));
            terminal.keys("F8");
            vm.await("the SSH session to end with the console", Duration.ofSeconds(60), () -> {
                try {
                    return !terminal.running();
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }
    }
}
