package io.hyperlab.web;

import io.hyperlab.ByteSize;
import io.hyperlab.InvalidInputException;
import io.hyperlab.history.History;
import io.hyperlab.host.ActionLog;
import io.hyperlab.host.BootMode;
import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.HostConnection;
import io.hyperlab.host.HostDriver;
import io.hyperlab.host.HostDrivers;
import io.hyperlab.host.HostFacts;
import io.hyperlab.host.HostRegistry;
import io.hyperlab.host.IsoLibraryKind;
import io.hyperlab.host.IsoLibrarySpec;
import io.hyperlab.host.IsoRef;
import io.hyperlab.host.LoggedHostDriver;
import io.hyperlab.host.NetworkKind;
import io.hyperlab.host.NetworkSpec;
import io.hyperlab.host.Preflight;
import io.hyperlab.host.PreflightReport;
import io.hyperlab.host.Secret;
import io.hyperlab.host.VmSpec;
import io.hyperlab.task.Tasks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Hypervisor hosts: add (connecting once), list, facts, preflight against the study's
 * requirements, remove; and on a host its VMs, ISO libraries and networks. Reading answers at
 * once; every change runs as a setup task in the host's lane (202 with the task) and goes into
 * the action log under the user's name. Host passwords are never returned.
 */
final class HostsApi {
    private final Api api;
    private final Tasks tasks;
    private final HostRegistry registry;
    private final History history;

    HostsApi(Api api, Tasks tasks, History history) {
        this.api = api;
        this.tasks = tasks;
        this.history = history;
        this.registry = new HostRegistry(history.hosts());
    }

    void mount(Router router) {
        router.get("/api/v1/hosts").handler(ctx -> api.respond(ctx, 200, registry::list));
        router.post("/api/v1/hosts").handler(this::add);
        router.get("/api/v1/hosts/:host").handler(ctx -> read(ctx, driver -> Map.of("host", registry.describe(host(ctx)),
            "facts", driver.facts())));
        router.get("/api/v1/hosts/:host/preflight").handler(ctx -> read(ctx, driver -> {
            PreflightReport report = Preflight.check(driver.connection(), driver.facts());
            return Map.of("host", report.host(), "hypervisor", report.hypervisor(), "checks", report.checks(),
                "overall", report.overall());
        }));
        router.delete("/api/v1/hosts/:host").handler(ctx -> {
            String host = host(ctx);
            ActionLog log = log(ctx);
            api.slow(() -> {
                registry.describe(host);
                log.record(host, "host remove", Map.of("name", host), () -> registry.remove(host));
                return null;
            }).onSuccess(nothing -> Api.noContent(ctx)).onFailure(ctx::fail);
        });

        router.get("/api/v1/hosts/:host/vms").handler(ctx -> read(ctx, HostDriver::listVms));
        router.post("/api/v1/hosts/:host/vms").handler(ctx -> {
            VmSpec spec = vmSpec(Body.of(ctx, "name", "template", "isoLibrary", "iso", "boot", "homeHost", "vcpus", "memory", "disk",
                "storage", "network"));
            change(ctx, "create VM " + spec.name(), driver -> driver.createVm(spec));
        });
        router.post("/api/v1/hosts/:host/vms/:vm/start").handler(ctx -> change(ctx, "start VM " + ctx.pathParam("vm"), driver -> {
            driver.startVm(ctx.pathParam("vm"));
            return null;
        }));
        router.post("/api/v1/hosts/:host/vms/:vm/stop").handler(ctx -> {
            Query query = Query.of(ctx, Set.of("timeout"));
            int timeout = query.integer("timeout", 120);
            if (timeout < 1 || timeout > 3600) {
                throw new InvalidInputException("timeout", "the shutdown timeout must be from 1 to 3600 seconds, not " + timeout);
            }
            change(ctx, "shut down VM " + ctx.pathParam("vm"), driver -> {
                driver.shutdownVm(ctx.pathParam("vm"), Duration.ofSeconds(timeout));
                return null;
            });
        });
        router.post("/api/v1/hosts/:host/vms/:vm/force-off").handler(ctx -> change(ctx, "force off VM " + ctx.pathParam("vm"), driver -> {
            driver.forceOffVm(ctx.pathParam("vm"));
            return null;
        }));
        router.delete("/api/v1/hosts/:host/vms/:vm").handler(ctx -> {
            boolean withDisks = Query.of(ctx, Set.of("withDisks")).flag("withDisks");
            change(ctx, "delete VM " + ctx.pathParam("vm"), driver -> {
                driver.deleteVm(ctx.pathParam("vm"), withDisks);
                return null;
            });
        });

        router.get("/api/v1/hosts/:host/iso-libraries").handler(ctx -> read(ctx, HostDriver::listIsoLibraries));
        router.post("/api/v1/hosts/:host/iso-libraries").handler(ctx -> {
            Body body = Body.of(ctx, "name", "kind", "location", "user", "password");
            String password = body.string("password", null);
            IsoLibrarySpec spec = new IsoLibrarySpec(body.requiredString("name"),
                Body.field("kind", () -> IsoLibraryKind.parse(body.requiredString("kind"))), body.requiredString("location"),
                body.string("user", null), password == null ? null : Secret.fromInput(password));
            change(ctx, "add ISO library " + spec.name(), driver -> driver.createIsoLibrary(spec));
        });
        router.get("/api/v1/hosts/:host/iso-libraries/:library/isos").handler(ctx -> read(ctx,
            driver -> driver.listIsos(ctx.pathParam("library"))));
        router.post("/api/v1/hosts/:host/iso-libraries/:library/rescan").handler(ctx -> change(ctx,
            "rescan ISO library " + ctx.pathParam("library"), driver -> driver.rescanIsoLibrary(ctx.pathParam("library"))));
        router.delete("/api/v1/hosts/:host/iso-libraries/:library").handler(ctx -> change(ctx,
            "remove ISO library " + ctx.pathParam("library"), driver -> {
                driver.deleteIsoLibrary(ctx.pathParam("library"));
                return null;
            }));

        router.get("/api/v1/hosts/:host/networks").handler(ctx -> read(ctx, HostDriver::listNetworks));
        router.post("/api/v1/hosts/:host/networks").handler(ctx -> {
            Body body = Body.of(ctx, "name", "kind", "interface", "ipv4", "vlan");
            NetworkSpec spec = new NetworkSpec(body.requiredString("name"),
                Body.field("kind", () -> NetworkKind.parse(body.requiredString("kind"))), body.string("interface", null),
                body.string("ipv4", null), body.integer("vlan", null));
            change(ctx, "create network " + spec.name(), driver -> driver.createNetwork(spec));
        });
        router.delete("/api/v1/hosts/:host/networks/:network").handler(ctx -> change(ctx,
            "delete network " + ctx.pathParam("network"), driver -> {
                driver.deleteNetwork(ctx.pathParam("network"));
                return null;
            }));

        router.get("/api/v1/actions").handler(ctx -> {
            String host = Query.of(ctx, Set.of("host")).get("host");
            api.respond(ctx, 200, () -> history.actions().list(host));
        });
    }

    private void add(RoutingContext ctx) {
        Body body = Body.of(ctx, "name", "uri", "user", "password", "fingerprint");
        String password = body.string("password", null);
        String fingerprint = body.string("fingerprint", null);
        HostConnection host = HostConnection.of(body.requiredString("name"), body.requiredString("uri"), body.string("user", null),
            password == null ? null : Secret.fromInput(password),
            fingerprint == null ? null : Body.field("fingerprint", () -> Fingerprint.parse(fingerprint)));
        ActionLog log = log(ctx);
        api.slow(() -> {
            HostFacts facts = registry.connectAndAdd(host, log);
            Map<String, Object> added = new LinkedHashMap<>();
            added.put("host", registry.describe(host.name()));
            added.put("facts", facts);
            return added;
        }).onSuccess(added -> {
            ctx.response().putHeader("Location", "/api/v1/hosts/" + host.name());
            Api.json(ctx, 201, added);
        }).onFailure(ctx::fail);
    }

    /** Reads from a stored host, connecting for the call, off the event loop. */
    private void read(RoutingContext ctx, Function<HostDriver, Object> reading) {
        String host = host(ctx);
        ActionLog log = log(ctx);
        api.slow(() -> {
            try (HostDriver driver = open(host, log)) {
                return reading.apply(driver);
            }
        }).onSuccess(value -> Api.json(ctx, 200, value)).onFailure(ctx::fail);
    }

    /** Queues a change on a stored host as a setup task in the host's lane: 202 with the task. */
    private void change(RoutingContext ctx, String title, Function<HostDriver, Object> changing) {
        String host = host(ctx);
        ActionLog log = log(ctx);
        api.blocking(() -> {
            registry.describe(host);
            return tasks.submitSetup(host, title + " on " + host, () -> {
                try (HostDriver driver = open(host, log)) {
                    return changing.apply(driver);
                }
            });
        }).onSuccess(task -> Api.accepted(ctx, task)).onFailure(ctx::fail);
    }

    private HostDriver open(String host, ActionLog log) {
        return new LoggedHostDriver(HostDrivers.open(registry.connection(host)), log);
    }

    private ActionLog log(RoutingContext ctx) {
        return actionLog(ctx, history);
    }

    /** The action log, with the user who asked as the actor. */
    static ActionLog actionLog(RoutingContext ctx, History history) {
        return new ActionLog(history.actions(), "web:" + AuthApi.principal(ctx).user());
    }

    private static String host(RoutingContext ctx) {
        return ctx.pathParam("host");
    }

    private static VmSpec vmSpec(Body body) {
        String isoLibrary = body.string("isoLibrary", null);
        String iso = body.string("iso", null);
        if ((isoLibrary == null) != (iso == null)) {
            throw new InvalidInputException("iso", "give the install ISO with both isoLibrary and iso, or neither");
        }
        return new VmSpec(body.requiredString("name"), body.requiredString("template"), iso == null ? null : new IsoRef(isoLibrary, iso),
            Body.field("boot", () -> BootMode.parse(body.string("boot", "bios"))), body.string("homeHost", null),
            body.integer("vcpus", 1), Body.field("memory", () -> ByteSize.parse(body.size("memory", "1GiB"))),
            Body.field("disk", () -> ByteSize.parse(body.size("disk", "20GiB"))), body.string("storage", null),
            body.string("network", null));
    }
}
