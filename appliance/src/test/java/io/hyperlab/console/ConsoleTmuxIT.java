package io.hyperlab.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end, as a person at an 80x24 terminal: {@code ./hyperlab serve} as a process, then
 * {@code ./hyperlab console} in tmux; log in with the one-time password read off the status
 * screen, add a host (libvirt's test driver) and open its VMs, start a short benchmark, watch
 * the bar move and the result appear, resize, quit. Every
 * screen read is kept under {@code target/console-screens/}.
 */
class ConsoleTmuxIT {
    private static final Pattern PERCENT = Pattern.compile("\\] +(\\d+)%");
    private static final Pattern URL = Pattern.compile("\"url\":\"(https://[^\"]+)\"");
    private static final Duration WAIT = Duration.ofSeconds(60);

    static Path root;
    static Path work;
    static Path screens;
    static Process daemon;
    static String url;
    static int saved;

    @BeforeAll
    static void startDaemon() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed (./hyperlab test installs it): skipping the end-to-end console test");
        root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        work = root.resolve("appliance/target/console-e2e");
        screens = root.resolve("appliance/target/console-screens");
        deleteTree(work);
        deleteTree(screens);
        Files.createDirectories(work);
        Files.createDirectories(screens);
        daemon = new ProcessBuilder("./hyperlab", "--data", work.resolve("data").toString(), "serve", "--port", "0", "--bind", "127.0.0.1")
            .directory(root.toFile()).redirectErrorStream(true).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = log.readLine()) != null) {
            lines.add(line);
            Matcher matcher = URL.matcher(line);
            if (line.contains("\"event\":\"listening\"") && matcher.find()) {
                url = matcher.group(1);
                break;
            }
        }
        if (url == null) {
            fail("the daemon did not start:\n" + String.join("\n", lines));
        }
        Thread drain = new Thread(() -> log.lines().forEach(ignored -> { }), "daemon-log");
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void logInAddAHostOpenItsVmsRunAShortBenchmarkAndQuit() throws Exception {
        Path exit = work.resolve("console-exit");
        String command = "./hyperlab --data " + work.resolve("data") + " console --url " + url + "; echo $? > " + exit;
        try (Tmux tmux = Tmux.start(work.resolve("tmux.conf"), "cd " + root + " && " + command, 80, 24)) {
            String status = waitFor(tmux, "status", s -> s.contains("Admin password") && s.contains("<Esc> Quit"));
            String password = status.lines().filter(l -> l.contains("Admin password")).findFirst().orElseThrow()
                .replaceAll(".*Admin password\\s+(\\S+).*", "$1");
            assertEquals(Files.readString(work.resolve("data/first-boot-password")).strip(), password,
                "the status screen shows the one-time password");
            assertEquals(24, status.lines().count(), status);

            tmux.keys("Enter");
            waitFor(tmux, "login", s -> s.contains("Log in to HyperLab"));
            tmux.keys("Down");
            tmux.type(password);
            tmux.keys("Enter", "Enter");
            waitFor(tmux, "logged-in", s -> s.contains("Logged in as admin.") && s.contains("Memory"));

            select(tmux, "Hypervisor Hosts");
            waitFor(tmux, "hosts", s -> s.contains("No host yet."));
            tmux.keys("Enter");
            waitFor(tmux, "hosts-actions", s -> s.contains("Add a host"));
            tmux.keys("Enter");
            waitFor(tmux, "host-form", s -> s.contains("Address or URI:"));
            tmux.type("lab");
            tmux.keys("Down", "Enter", "Down", "Enter", "Down");
            tmux.type("test:///default");
            waitFor(tmux, "host-form-filled", s -> s.contains("libvirt") && s.contains("test:///default"));
            tmux.keys("Down", "Down", "Down", "Down", "Enter");
            waitFor(tmux, "host-added", s -> s.contains("lab: TEST"));
            tmux.keys("Escape");
            waitFor(tmux, "host-facts-closed", s -> !s.contains("lab: TEST"));
            select(tmux, "Virtual Machines");
            waitFor(tmux, "vms-pane", s -> s.contains("Hosts           1"));
            tmux.keys("Enter");
            String vms = waitFor(tmux, "vms", s -> s.contains("VMs on lab") && s.contains("<S> Start"));
            assertTrue(vms.lines().anyMatch(l -> l.matches(".*test\\s+running\\s+\\d+\\s+.*")), vms);
            tmux.keys("Escape");
            waitFor(tmux, "vms-closed", s -> !s.contains("VMs on lab"));

            select(tmux, "Benchmarks");
            waitFor(tmux, "benchmarks", s -> s.contains("No benchmark is running."));
            tmux.keys("Enter");
            waitFor(tmux, "run-form", s -> s.contains("Start a benchmark run"));
            tmux.keys("Enter", "Up", "Up", "Up", "Enter", "Down");
            tmux.type("tmux e2e");
            tmux.keys("Down");
            tmux.type("1");
            tmux.keys("Down", "Enter", "Down", "Enter", "Down");
            tmux.type("0.1");
            waitFor(tmux, "run-form-filled", s -> s.contains("tmux e2e") && s.contains("0.1") && s.contains("normal") && s.contains("cpu "));
            tmux.keys("Enter", "Enter", "Enter", "Enter");

            List<Integer> seen = new ArrayList<>();
            String done = waitFor(tmux, "run-finished", s -> {
                Matcher percent = PERCENT.matcher(s);
                if (percent.find()) {
                    int value = Integer.parseInt(percent.group(1));
                    if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
                        seen.add(value);
                        save("run-progress-" + value + "pct", s);
                    }
                }
                return s.contains("Composite");
            });
            assertTrue(seen.size() >= 3 && seen.get(seen.size() - 1) == 100, "the bar moves to 100%: " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), "the bar went back: " + seen);
            }
            assertTrue(done.matches("(?s).*scimark2  Composite  \\d+ MFLOPS.*"), done);

            tmux.keys("Escape");
            waitFor(tmux, "benchmarks-after", s -> s.contains("No benchmark is running.") && !s.contains("Benchmark run"));
            select(tmux, "History");
            waitFor(tmux, "history", s -> s.contains("tmux e2e") && s.contains("completed"));

            tmux.resize(100, 30);
            waitFor(tmux, "resized-100x30", s -> s.lines().count() == 30 && s.lines().skip(29).findFirst().orElse("").contains("<Esc> Quit")
                && s.lines().skip(1).findFirst().orElse("").endsWith("┐"));
            tmux.resize(80, 24);
            waitFor(tmux, "resized-80x24", s -> s.lines().count() == 24 && s.lines().skip(23).findFirst().orElse("").contains("<Esc> Quit")
                && s.lines().skip(1).findFirst().orElse("").endsWith("┐") && s.contains("tmux e2e"));

            tmux.keys("Escape");
            waitFor(tmux, "quit-question", s -> s.contains("Leave the HyperLab console?"));
            tmux.keys("F8");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!Files.exists(exit) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(exit), "the console did not end after F8");
            assertEquals("0", Files.readString(exit).strip(), "the console's exit code");
        }
    }

    /** Moves the menu's highlight to an item, by its place in the product's menu. */
    private static void select(Tmux tmux, String item) throws IOException, InterruptedException {
        for (int i = 0; i < Menu.size(); i++) {
            tmux.keys("Up");
        }
        for (int i = 0; i < Menu.index(item); i++) {
            tmux.keys("Down");
        }
    }

    /** Reads the screen until the condition holds; keeps the last screen read under its name. */
    private static String waitFor(Tmux tmux, String name, Predicate<String> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String screen = tmux.screen();
        while (System.nanoTime() < deadline) {
            screen = tmux.screen();
            if (condition.test(screen)) {
                save(name, screen);
                return screen;
            }
            Thread.sleep(100);
        }
        save(name + "-FAILED", screen);
        fail("the console did not reach '" + name + "' within " + WAIT.toSeconds() + " s; the screen:\n" + screen);
        return screen;
    }

    private static void save(String name, String screen) {
        try {
            Files.writeString(screens.resolve(String.format("%02d-%s.txt", ++saved, name)), screen);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
