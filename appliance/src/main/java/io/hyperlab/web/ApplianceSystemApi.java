package io.hyperlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.ConflictException;
import io.hyperlab.appliance.NetworkChange;
import io.hyperlab.appliance.NetworkMode;
import io.hyperlab.appliance.OsNetwork;
import io.hyperlab.appliance.PowerAction;
import io.hyperlab.appliance.RootHelper;
import io.hyperlab.history.History;
import io.hyperlab.host.ActionLog;
import io.hyperlab.task.Tasks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The appliance's own network settings and power. The daemon may not change the system itself
 * (it runs unprivileged), so on the appliance it leaves a request for the image's root helper
 * ({@link RootHelper}); a network change is a task that ends when the helper answers. A daemon
 * elsewhere (development) refuses with 409 {@code not_appliance}: it must never touch the
 * network or power of the machine it happens to run on.
 */
final class ApplianceSystemApi {
    private static final String NETWORK_ACTION = "appliance network";
    private final Api api;
    private final Tasks tasks;
    private final History history;
    private final RootHelper helper;
    private final Log log;

    /** @param helper the root helper's files on the appliance; null for a daemon elsewhere */
    ApplianceSystemApi(Api api, Tasks tasks, History history, RootHelper helper, Log log) {
        this.api = api;
        this.tasks = tasks;
        this.history = history;
        this.helper = helper;
        this.log = log;
    }

    void mount(Router router) {
        router.put("/api/v1/appliance/network").handler(this::network);
        router.post("/api/v1/appliance/reboot").handler(ctx -> power(ctx, PowerAction.REBOOT));
        router.post("/api/v1/appliance/shutdown").handler(ctx -> power(ctx, PowerAction.POWEROFF));
    }

    private void network(RoutingContext ctx) {
        RootHelper helper = onAppliance("change this machine's network settings");
        JsonNode body = Body.of(ctx, NetworkChange.FIELDS.toArray(String[]::new)).json();
        ActionLog actions = HostsApi.actionLog(ctx, history);
        api.slow(() -> {
            NetworkChange change = NetworkChange.fromJson(body, OsNetwork.interfaceNames(), OsNetwork.managementInterface());
            String requestId;
            try {
                requestId = helper.submitNetwork(change);
            } catch (ConflictException e) {
                throw e;
            } catch (RuntimeException e) {
                actions.start(null, NETWORK_ACTION, change).failed(e);
                throw e;
            }
            // Logged once handed over (a refusal because another change is pending did nothing); it ends with the helper's answer.
            ActionLog.Started action = actions.start(null, NETWORK_ACTION, change);
            log.info("network_change_requested", "asked the root helper to set the network to " + describe(change), "request",
                requestId, "mode", change.mode().id(), "interface", change.interfaceName(), "address", change.address());
            return tasks.submitSystem("set the appliance's network to " + describe(change), () -> {
                try {
                    helper.awaitNetwork(requestId);
                } catch (RuntimeException e) {
                    action.failed(e);
                    log.warn("network_change_failed", e.getMessage(), "request", requestId);
                    throw e;
                }
                action.succeeded();
                log.info("network_change_applied", "the root helper applied the network settings", "request", requestId);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("requestId", requestId);
                result.put("network", change);
                return result;
            });
        }).onSuccess(task -> Api.accepted(ctx, task)).onFailure(ctx::fail);
    }

    private void power(RoutingContext ctx, PowerAction power) {
        RootHelper helper = onAppliance(power.words() + " this machine");
        ActionLog actions = HostsApi.actionLog(ctx, history);
        api.slow(() -> {
            actions.record(null, "appliance " + power.id(), Map.of(), () -> helper.requestPower(power));
            log.info("power_requested", "asked the root helper to " + power.words() + " the appliance", "action", power.id());
            return Map.of("action", power.id(), "message", "the appliance will " + power.words() + " now");
        }).onSuccess(answer -> Api.json(ctx, 202, answer)).onFailure(ctx::fail);
    }

    /** The root helper, on the appliance; elsewhere the request is refused, naming what it would have done. */
    private RootHelper onAppliance(String what) {
        if (helper == null) {
            throw new ApiException(409, "not_appliance", "this daemon is not running on the HyperLab appliance (it was not started"
                + " with 'serve --appliance'), so it will not " + what);
        }
        return helper;
    }

    private static String describe(NetworkChange change) {
        return change.mode() == NetworkMode.DHCP ? "DHCP" : "static " + change.address() + " on " + change.interfaceName();
    }
}
