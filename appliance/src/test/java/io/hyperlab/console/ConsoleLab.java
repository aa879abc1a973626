package io.hyperlab.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.console.feature.Features;
import io.hyperlab.web.Daemon;
import io.hyperlab.web.DaemonConfig;
import io.hyperlab.web.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real daemon for one screen-test class (HTTPS on a random loopback port, a real SQLite file
 * in a temporary folder), and consoles on virtual terminals connected to it the way
 * {@code hyperlab console} connects: pinning the certificate in the data folder. Register it as
 * {@code @RegisterExtension static final ConsoleLab lab = ConsoleLab.https();}: the daemon starts
 * before the class's tests (and its own {@code @BeforeAll}) and stops after them.
 */
public final class ConsoleLab implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";

    private final boolean https;
    private final boolean passwordFromFile;
    private final boolean appliance;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    public Path data;
    public Daemon daemon;

    private ConsoleLab(boolean https, boolean passwordFromFile, boolean appliance) {
        this.https = https;
        this.passwordFromFile = passwordFromFile;
        this.appliance = appliance;
    }

    /** A daemon over HTTPS whose admin password is {@link #PASSWORD}. */
    public static ConsoleLab https() {
        return new ConsoleLab(true, true, false);
    }

    /** A daemon as on its first start: the admin password is a random one-time password in the data folder. */
    public static ConsoleLab firstStart() {
        return new ConsoleLab(true, false, false);
    }

    /** A development daemon: plain HTTP on loopback. */
    public static ConsoleLab plainHttp() {
        return new ConsoleLab(false, true, false);
    }

    /** The appliance's own daemon ({@code serve --appliance}); its root helper is the test, writing into {@link #data}/system. */
    public static ConsoleLab appliance() {
        return new ConsoleLab(true, true, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    /** Starts the daemon in a new temporary folder; returns this lab. */
    public ConsoleLab start() throws IOException {
        data = Files.createTempDirectory("hyperlab-console-test-");
        Path passwordFile = null;
        if (passwordFromFile) {
            passwordFile = data.resolve("admin-password");
            Files.writeString(passwordFile, PASSWORD + "\n");
        }
        daemon = Daemon.start(new DaemonConfig("127.0.0.1", 0, https, data, passwordFile, appliance, DaemonConfig.DEFAULT_HELPER_TIMEOUT),
            new Log(new PrintStream(log, true, StandardCharsets.UTF_8)));
        return this;
    }

    public URI url() {
        return URI.create(daemon.url().replaceFirst("//[^:/]+:", "//127.0.0.1:"));
    }

    public ConsoleOptions options() {
        return new ConsoleOptions(url(), data, null, data.resolve("console-settings.properties"));
    }

    /** A console on an 80x24 virtual terminal, showing its first screen. */
    public ScreenDriver open() {
        return open(80, 24);
    }

    public ScreenDriver open(int columns, int rows) {
        return open(columns, rows, Features.all());
    }

    /** A console with other features than the product's (e.g. one told where the appliance is). */
    public ScreenDriver open(int columns, int rows, List<Feature> features) {
        DaemonClient client = DaemonClient.connect(options());
        JsonNode health = client.get(ConsoleMain.HEALTH);
        return ScreenDriver.start(options(), client, health, columns, rows, features);
    }

    /** A console logged in as admin (with {@link #PASSWORD}), showing the main screen. */
    public ScreenDriver loggedIn() {
        ScreenDriver screen = open();
        screen.logIn(PASSWORD).waitFor("Logged in as admin.");
        return screen;
    }

    /** A client logged in as admin, to set things up beside the console. */
    public DaemonClient admin() {
        DaemonClient client = DaemonClient.connect(options());
        client.login("admin", PASSWORD);
        return client;
    }

    /** Starts a quick SciMark run through the API and waits until it has ended; returns the task. */
    public JsonNode quickRun(DaemonClient client, String label, int trials) throws InterruptedException {
        JsonNode task = client.post("api/v1/runs", Map.of("suite", "cpu", "label", label, "size", "normal", "minTime", 0.05,
            "trials", trials, "maxTrials", trials));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode now = client.get("api/v1/tasks/" + task.path("id").asLong());
            if (!now.path("status").asText().matches("queued|running")) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + label + " did not end within 120 s");
    }

    /** A libvirt test-driver host (test:///...lab-node.xml): VMs web (running), db (off), legacy-pv; pools vms and isos; network lab. */
    public static String labHostUri() {
        try {
            return "test://" + Path.of(ConsoleLab.class.getResource("/io/hyperlab/host/libvirt/lab-node.xml").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the test-driver host as "lab" through the API. */
    public void addLabHost() {
        admin().post("api/v1/hosts", java.util.Map.of("name", "lab", "uri", labHostUri(), "user", "root", "password", "lab-secret"));
    }

    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Stops the daemon and deletes its folder. */
    @Override
    public void close() throws IOException {
        if (daemon != null) {
            daemon.close();
        }
        if (data != null) {
            try (var paths = Files.walk(data)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
