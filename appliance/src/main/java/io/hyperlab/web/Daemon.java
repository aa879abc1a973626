package io.hyperlab.web;

import io.hyperlab.HyperLabException;
import io.hyperlab.appliance.RootHelper;
import io.hyperlab.bench.RunEngine;
import io.hyperlab.bench.TrialLauncher;
import io.hyperlab.bench.env.EnvironmentDetector;
import io.hyperlab.bench.env.MemInfo;
import io.hyperlab.history.History;
import io.hyperlab.task.Tasks;
import io.hyperlab.web.auth.AuthService;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The appliance daemon: one process that owns the history and every long task, and serves the
 * REST API, the event stream, the metrics and the web page over one HTTP(S) server.
 */
public final class Daemon implements AutoCloseable {
    /** For Argon2 and for calls to hypervisor hosts, which may each take seconds. */
    private static final int WORKERS = 8;

    private final Log log;
    private final History history;
    private final Tasks tasks;
    private final IperfServerApi iperf;
    private final RootHelper helper;
    private final Vertx vertx;
    private final HttpServer server;
    private final String url;
    private final Certificate certificate;
    private final Router router;

    private Daemon(Log log, History history, Tasks tasks, IperfServerApi iperf, RootHelper helper, Vertx vertx, HttpServer server,
                   String url, Certificate certificate, Router router) {
        this.log = log;
        this.history = history;
        this.tasks = tasks;
        this.iperf = iperf;
        this.helper = helper;
        this.vertx = vertx;
        this.server = server;
        this.url = url;
        this.certificate = certificate;
        this.router = router;
    }

    /** Opens the history, makes the certificate and admin account when missing, and listens; blocks until it does. */
    public static Daemon start(DaemonConfig config, Log log) {
        Instant started = Instant.now();
        History history = History.openIn(config.data());
        ownerOnly(config.data(), log);
        for (long run : history.recoveredRuns()) {
            log.warn("run_interrupted", "run " + run + " was left running by a process that ended; it is now marked interrupted",
                "run", run);
        }
        Vertx vertx = null;
        Tasks tasks = null;
        IperfServerApi iperf = null;
        RootHelper helper = null;
        try {
            if (config.appliance()) {
                helper = new RootHelper(config.data(), config.helperTimeout());
                helper.prepare();
                log.info("appliance", "running as the appliance's daemon: network and power changes go to the root helper through "
                    + helper.folder(), "folder", helper.folder().toString());
            }
            EnvironmentDetector detector = EnvironmentDetector.local();
            String hostname = hostname(detector);
            Certificate certificate = config.https()
                ? Certificate.ensure(config.data(), hostname,
                    ApplianceApi.localAddresses().stream().map(ApplianceApi.Address::address).toList())
                : null;
            if (certificate != null) {
                log.info(certificate.created() ? "tls_certificate_created" : "tls_certificate",
                    (certificate.created() ? "made a new self-signed TLS certificate, " : "TLS certificate ")
                        + "SHA-256 fingerprint " + certificate.fingerprint(),
                    "fingerprint", certificate.fingerprint(), "file", certificate.certFile().toString());
            }
            AuthService auth = new AuthService(history.accounts(), config.data(), Clock.systemUTC());
            logBootstrap(log, auth.bootstrap(config.adminPasswordFile()));
            auth.forwarderSecret();

            tasks = new Tasks(new RunEngine(history, TrialLauncher.sameJvm(), detector, MemInfo.local()));
            // The page is served from memory (StaticPages): Vert.x need not copy class path files anywhere.
            vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(new FileSystemOptions()
                .setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
            Api api = new Api(vertx.createSharedWorkerExecutor("hyperlab-db", 1),
                vertx.createSharedWorkerExecutor("hyperlab-blocking", WORKERS));
            EventsApi events = new EventsApi(vertx);
            tasks.addListener(events::publish);
            tasks.addListener(event -> log.info(event.type().id(), "task " + event.taskId() + ": " + event.type().id(),
                "task", event.taskId(), "run", event.runId(), "test", event.test(), "trial", event.trial(),
                "error", event.task() == null ? null : event.task().error()));

            HttpServerOptions options = new HttpServerOptions().setHost(config.bind()).setPort(config.port());
            if (certificate != null) {
                options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(certificate.certFile().toString())
                    .setKeyPath(certificate.keyFile().toString()));
            }
            HttpServer server = vertx.createHttpServer(options);
            // The URL needs the port, known once listening; the routes need the URL only when asked.
            String[] url = new String[1];
            Router router = Router.router(vertx);
            StaticPages.mountHeaders(router);
            accessLog(router, log);
            CompareApi.mountUploadLimit(router);
            router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(DaemonConfig.MAX_BODY_BYTES));
            AuthApi authApi = new AuthApi(api, auth, config.https(), log);
            ApplianceApi appliance = new ApplianceApi(api, tasks, hostname, started, certificate, () -> url[0], helper);
            appliance.mountPublic(router);
            authApi.mountPublic(router);
            new MetricsApi(api, history, tasks).mountPublic(router);
            router.route("/api/*").handler(authApi.guard());
            authApi.mount(router);
            appliance.mount(router);
            new ApplianceSystemApi(api, tasks, history, helper, log).mount(router);
            new RunsApi(api, history, tasks, hostname).mount(router);
            new TasksApi(api, tasks).mount(router);
            new CompareApi(api, history).mount(router);
            new HostsApi(api, tasks, history).mount(router);
            iperf = new IperfServerApi(api);
            iperf.mount(router);
            events.mount(router);
            StaticPages.mount(router);
            router.route().failureHandler(Api.failures(log, DaemonConfig.MAX_BODY_BYTES));
            for (int status : new int[] {404, 405}) {
                router.errorHandler(status, ctx -> Api.error(ctx, status, status == 404 ? "not_found" : "method_not_allowed",
                    null, status == 404 ? "nothing at " + ctx.request().path()
                        : ctx.request().method() + " is not allowed on " + ctx.request().path()));
            }

            server.requestHandler(router);
            await(server.listen().toCompletionStage().toCompletableFuture(), "listen on " + config.bind() + ":" + config.port());
            url[0] = (config.https() ? "https://" : "http://") + config.urlHost(hostname) + ":" + server.actualPort() + "/";
            log.info("listening", "HyperLab is serving its web page and API at " + url[0], "url", url[0],
                "bind", config.bind(), "port", server.actualPort(), "https", config.https());
            return new Daemon(log, history, tasks, iperf, helper, vertx, server, url[0], certificate, router);
        } catch (RuntimeException e) {
            if (helper != null) {
                helper.close();
            }
            if (iperf != null) {
                iperf.close();
            }
            if (tasks != null) {
                tasks.close();
            }
            if (vertx != null) {
                vertx.close();
            }
            history.close();
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return url;
    }

    /** The TLS certificate, or null when serving plain HTTP. */
    public Certificate certificate() {
        return certificate;
    }

    /** Every API route as "METHOD /path", in the order they were mounted. */
    public List<String> routes() {
        List<String> routes = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            String path = route.getPath();
            if (path != null && route.methods() != null && (path.startsWith("/api/") || path.equals("/metrics"))) {
                route.methods().forEach(method -> routes.add(method.name() + " " + path));
            }
        }
        return routes;
    }

    public Tasks tasks() {
        return tasks;
    }

    /** Stops listening and the iperf3 server, cancels the running task (its run is stored as cancelled), and closes the history. */
    @Override
    public void close() {
        log.info("stopping", "HyperLab daemon stopping");
        try {
            await(server.close().toCompletionStage().toCompletableFuture(), "stop listening");
        } finally {
            iperf.close();
            if (helper != null) {
                helper.close();
            }
            tasks.close();
            try {
                await(vertx.close().toCompletionStage().toCompletableFuture(), "stop Vert.x");
            } finally {
                history.close();
            }
        }
        log.info("stopped", "HyperLab daemon stopped");
    }

    private static void accessLog(Router router, Log log) {
        router.route().handler(ctx -> {
            long start = System.nanoTime();
            ctx.addBodyEndHandler(ended -> log.info("http", ctx.request().method() + " " + ctx.request().path() + " "
                    + ctx.response().getStatusCode(),
                "method", ctx.request().method().name(), "path", ctx.request().path(), "status", ctx.response().getStatusCode(),
                "ms", (System.nanoTime() - start) / 1_000_000.0, "user", AuthApi.user(ctx),
                "address", ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress()));
            ctx.next();
        });
    }

    private static void logBootstrap(Log log, AuthService.Bootstrap bootstrap) {
        if (bootstrap.refusedFirstBoot() != null) {
            log.warn("first_boot_password_refused", "the first-boot password left in the data folder's " + AuthService.FIRST_BOOT_FILE
                + " is refused (" + bootstrap.refusedFirstBoot() + "); a random one replaces it", "file", AuthService.FIRST_BOOT_FILE);
        }
        if (bootstrap.adoptedFirstBoot()) {
            log.info("admin_password_adopted", "first start: the admin account takes the first-boot password left in the data folder's "
                + AuthService.FIRST_BOOT_FILE + " (kept there until you change it)", "user", AuthService.ADMIN);
        } else if (bootstrap.generatedPassword() != null) {
            log.info("admin_password_created", "first start: log in as '" + AuthService.ADMIN + "' with the one-time password "
                    + bootstrap.generatedPassword() + " (also in the data folder's " + AuthService.FIRST_BOOT_FILE
                    + " until you change it); it is not shown again",
                "user", AuthService.ADMIN, "password", bootstrap.generatedPassword());
        } else if (bootstrap.replacedFromFile()) {
            log.info("admin_password_set", "the admin password was set from " + bootstrap.passwordFile(),
                "user", AuthService.ADMIN, "file", bootstrap.passwordFile().toString());
        } else if (bootstrap.passwordFile() != null) {
            log.info("admin_password_kept", "the admin password file " + bootstrap.passwordFile()
                + " is older than the last password change; the changed password stays", "file", bootstrap.passwordFile().toString());
        }
    }

    /** The data folder holds password hashes and the TLS key: only the daemon's user may enter it. */
    private static void ownerOnly(Path data, Log log) {
        try {
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
            if (!Files.getPosixFilePermissions(data).equals(owner)) {
                Files.setPosixFilePermissions(data, owner);
                log.info("data_folder_restricted", "made the data folder " + data + " readable by this user only",
                    "folder", data.toString());
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("data_folder_open", "cannot make the data folder " + data + " readable by this user only: " + e.getMessage(),
                "folder", data.toString());
        }
    }

    private static String hostname(EnvironmentDetector detector) {
        String name = detector.detect().hostname();
        return name == null || name.isBlank() ? "localhost" : name;
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future, String what) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new HyperLabException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new HyperLabException("cannot " + what + ": no answer in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HyperLabException("interrupted while trying to " + what, e);
        }
    }
}
