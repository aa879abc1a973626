package io.hyperlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page in real headless Chromium (Debian's), driven by Playwright from
 * {@code src/test/browser/pages.mjs} against a real daemon over HTTPS: log in, start a short
 * benchmark and watch its progress bar move to the result, open the run and its chart, compare
 * it with the study, add a host (libvirt's test driver) and start and create VMs on it, make an
 * API token, check the phone-sized layout. Screenshots of every page go to
 * {@code target/screenshots/}. Skipped, with the reason, only where Chromium, Node.js or the
 * npm packages are missing ({@code ./hyperlab test} installs them).
 */
@ExtendWith(VertxExtension.class)
class BrowserTest {
    private static final Path SCRIPTS = Path.of("src", "test", "browser");

    @Test
    void thePagesWorkInHeadlessChromium(Vertx vertx, @TempDir Path data) throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(Files.isExecutable(chromium), "skipped: no Chromium at " + chromium + " (apt-get install chromium)");
        assumeTrue(onPath("node"), "skipped: no Node.js on the PATH (apt-get install nodejs npm)");
        assumeTrue(Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core")),
            "skipped: run 'npm ci' in appliance/src/test/browser (./hyperlab test does)");
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Path output = Path.of("target", "browser-test.log").toAbsolutePath();
        try (TestDaemon lab = TestDaemon.start(vertx, data)) {
            ProcessBuilder node = new ProcessBuilder("node", "pages.mjs").directory(SCRIPTS.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
            node.environment().put("HYPERLAB_URL", "https://127.0.0.1:" + lab.daemon.port() + "/");
            node.environment().put("HYPERLAB_PASSWORD", TestDaemon.PASSWORD);
            node.environment().put("SCREENSHOTS", screenshots.toString());
            node.environment().put("CHROMIUM", chromium.toString());
            node.environment().put("HYPERLAB_HOST_URI",
                "test://" + Path.of(BrowserTest.class.getResource("/io/hyperlab/host/libvirt/lab-node.xml").toURI()));
            Process process = node.start();
            try {
                boolean ended = process.waitFor(5, TimeUnit.MINUTES);
                if (!ended || process.exitValue() != 0) {
                    Files.writeString(Path.of("target", "browser-test-daemon.log"), lab.log());
                }
                assertEquals(0, ended ? process.exitValue() : -1, Files.readString(output) + "\n(the daemon's log is in target/browser-test-daemon.log)");
            } finally {
                process.destroyForcibly();
            }
        }
        for (String page : new String[] {"login", "dashboard", "benchmarks", "run", "account", "compare", "host", "phone-dashboard", "phone-run",
            "phone-compare", "phone-hosts"}) {
            if (!Files.isRegularFile(screenshots.resolve(page + ".png"))) {
                throw new AssertionError("no screenshot of " + page + " in " + screenshots);
            }
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(":")) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
