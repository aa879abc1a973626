package io.hyperlab.cli;

import io.hyperlab.web.Daemon;
import io.hyperlab.web.DaemonConfig;
import io.hyperlab.web.Log;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hyperlab serve}: the appliance daemon (REST API, events, metrics, web page) until
 * stopped with SIGTERM or Ctrl-C, which cancels a running benchmark and stores it as cancelled.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the appliance daemon: the web page and REST API (HTTPS with a self-signed certificate kept in the data folder).",
        "Logs go to standard output, one JSON object a line. On first start it makes the 'admin' account and logs its one-time password."})
final class ServeCommand implements Callable<Integer> {
    static final String PASSWORD_FILE_ENV = "HYPERLAB_ADMIN_PASSWORD_FILE";

    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "P",
        description = "Port to listen on (default: " + DaemonConfig.DEFAULT_HTTPS_PORT + " for HTTPS, "
            + DaemonConfig.DEFAULT_HTTP_PORT + " with --http; 0 for any free port).")
    Integer port;

    @Option(names = "--http", description = "Serve plain HTTP instead of HTTPS: development only, and only on loopback.")
    boolean http;

    @Option(names = "--bind", paramLabel = "ADDR",
        description = "Address to listen on (default: every address for HTTPS, 127.0.0.1 with --http).")
    String bind;

    @Option(names = "--admin-password-file", paramLabel = "FILE",
        description = "Set the admin password from this file's first line (default: $" + PASSWORD_FILE_ENV + "); "
            + "applied when the file is newer than the last password change.")
    Path adminPasswordFile;

    @Option(names = "--appliance",
        description = {"Run as the HyperLab appliance's own daemon (the image's systemd unit passes this): network settings, reboot"
            + " and shut down are then offered, applied by the image's root helper through requests in the data folder's system/.",
            "Without it the daemon refuses them (409 not_appliance) and never changes this machine's network or power."})
    boolean appliance;

    @Override
    public Integer call() throws InterruptedException {
        DaemonConfig config = new DaemonConfig(bind, port != null ? port : http ? DaemonConfig.DEFAULT_HTTP_PORT
            : DaemonConfig.DEFAULT_HTTPS_PORT, !http, main.dataFolder(), passwordFile(), appliance, DaemonConfig.DEFAULT_HELPER_TIMEOUT);
        Log log = new Log(System.out);
        log.captureLibraryLogging();
        Daemon daemon = Daemon.start(config, log);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "hyperlab-stop"));
        stopped.await();
        return 0;
    }

    private Path passwordFile() {
        if (adminPasswordFile != null) {
            return adminPasswordFile;
        }
        String fromEnvironment = System.getenv(PASSWORD_FILE_ENV);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }
}
