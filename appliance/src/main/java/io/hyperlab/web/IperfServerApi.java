package io.hyperlab.web;

import io.hyperlab.ConflictException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.bench.net.IperfServer;
import io.hyperlab.bench.net.Reporter;
import io.hyperlab.bench.net.TestSpec;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The appliance's iperf3-compatible server, started and stopped on request, so that a laptop
 * (stock iperf3 or HyperLab) can measure its network to the appliance as the study did.
 */
final class IperfServerApi implements AutoCloseable {
    private final Api api;
    private IperfServer server;

    IperfServerApi(Api api) {
        this.api = api;
    }

    void mount(Router router) {
        router.get("/api/v1/iperf3-server").handler(ctx -> Api.json(ctx, 200, status()));
        router.post("/api/v1/iperf3-server").handler(ctx -> {
            Integer port = Body.of(ctx, "port").integer("port", TestSpec.DEFAULT_PORT);
            if (port < 0 || port > 65535) {
                throw new InvalidInputException("port", "the iperf3 port must be from 1 to 65535 (0 for any free one), not " + port);
            }
            api.slow(() -> start(port)).onSuccess(status -> Api.json(ctx, 201, status)).onFailure(ctx::fail);
        });
        router.delete("/api/v1/iperf3-server").handler(ctx -> api.slow(() -> {
            close();
            return null;
        }).onSuccess(nothing -> Api.noContent(ctx)).onFailure(ctx::fail));
    }

    private synchronized Map<String, Object> start(int port) {
        if (server != null && server.status() != IperfServer.Status.STOPPED) {
            throw new ConflictException("the iperf3 server already runs on port " + server.port() + "; stop it first");
        }
        IperfServer started = new IperfServer(null, port, IperfServer.Options.defaults(), () -> Reporter.NONE);
        started.start();
        server = started;
        return status();
    }

    synchronized Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        IperfServer.Status state = server == null ? IperfServer.Status.STOPPED : server.status();
        status.put("status", state.name().toLowerCase(Locale.ROOT));
        if (state != IperfServer.Status.STOPPED) {
            status.put("port", server.port());
        }
        if (server != null) {
            status.put("tests", server.tests());
            server.lastOutcome().ifPresent(outcome -> {
                Map<String, Object> last = new LinkedHashMap<>();
                last.put("test", outcome.test());
                last.put("completed", outcome.result().isPresent());
                outcome.error().ifPresent(error -> last.put("error", error));
                status.put("last", last);
            });
        }
        return status;
    }

    /** Stops serving; nothing happens when it does not run. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
        }
    }
}
