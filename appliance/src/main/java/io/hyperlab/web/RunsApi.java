package io.hyperlab.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperlab.ByteSize;
import io.hyperlab.ConflictException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import io.hyperlab.bench.BenchSettings;
import io.hyperlab.bench.Benchmark;
import io.hyperlab.bench.RunRequest;
import io.hyperlab.bench.Suite;
import io.hyperlab.bench.TrialPolicy;
import io.hyperlab.bench.cpu.SciMark;
import io.hyperlab.bench.cpu.SciMarkSize;
import io.hyperlab.bench.net.NetworkSettings;
import io.hyperlab.bench.net.Units;
import io.hyperlab.history.History;
import io.hyperlab.history.RunFilter;
import io.hyperlab.history.RunRecord;
import io.hyperlab.history.RunStatus;
import io.hyperlab.task.TaskInfo;
import io.hyperlab.task.Tasks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark runs: start one (queued as a task, 202), list the history with filters and paging,
 * get one with its trials and statistics, cancel one, delete one; and the suites and labels
 * the forms offer.
 */
final class RunsApi {
    private static final String[] START_FIELDS = {"suite", "tests", "label", "trials", "maxTrials", "threshold", "size",
        "minTime", "threads", "arraySize", "passSize", "peer", "netTime", "udpBitrate"};
    private static final Set<String> LIST_PARAMETERS = Set.of("label", "suite", "status", "since", "until", "limit", "offset");

    private final Api api;
    private final History history;
    private final Tasks tasks;
    private final String defaultLabel;

    RunsApi(Api api, History history, Tasks tasks, String defaultLabel) {
        this.api = api;
        this.history = history;
        this.tasks = tasks;
        this.defaultLabel = defaultLabel;
    }

    void mount(Router router) {
        router.post("/api/v1/runs").handler(this::start);
        router.get("/api/v1/runs").handler(ctx -> {
            RunFilter filter = filter(Query.of(ctx, LIST_PARAMETERS));
            api.respond(ctx, 200, () -> history.listRuns(filter));
        });
        router.get("/api/v1/runs/:id").handler(ctx -> {
            long id = Api.id(ctx, "run");
            api.respond(ctx, 200, () -> withTask(history.run(id)));
        });
        router.post("/api/v1/runs/:id/cancel").handler(ctx -> {
            long id = Api.id(ctx, "run");
            api.respond(ctx, 202, () -> cancel(id));
        });
        router.delete("/api/v1/runs/:id").handler(ctx -> {
            long id = Api.id(ctx, "run");
            api.blocking(() -> {
                history.deleteRun(id);
                return null;
            }).onSuccess(nothing -> Api.noContent(ctx)).onFailure(ctx::fail);
        });
        router.get("/api/v1/labels").handler(ctx -> api.respond(ctx, 200, history::labels));
        router.get("/api/v1/suites").handler(ctx -> Api.json(ctx, 200, suites()));
    }

    private void start(RoutingContext ctx) {
        RunRequest request = request(Body.of(ctx, START_FIELDS));
        api.blocking(() -> tasks.submitRun(request)).onSuccess(task -> Api.accepted(ctx, task)).onFailure(ctx::fail);
    }

    RunRequest request(Body body) {
        Suite suite = Body.field("suite", () -> Suite.parse(body.string("suite", Suite.THESIS.id())));
        TrialPolicy policy = new TrialPolicy(body.integer("trials", TrialPolicy.DEFAULT_TRIALS), body.integer("maxTrials", null),
            body.number("threshold", TrialPolicy.DEFAULT_THRESHOLD));
        BenchSettings defaults = BenchSettings.defaults();
        BenchSettings settings = new BenchSettings(
            Body.field("size", () -> SciMarkSize.parse(body.string("size", SciMarkSize.LARGE.id()))),
            body.number("minTime", SciMark.DEFAULT_MIN_SECONDS),
            body.integer("threads", defaults.threads()),
            Body.field("arraySize", () -> ByteSize.parse(body.size("arraySize", Long.toString(defaults.arrayBytes())))),
            Body.field("passSize", () -> ByteSize.parse(body.size("passSize", Long.toString(defaults.passBytes())))));
        String peer = body.string("peer", null);
        if (peer == null && suite == Suite.NETWORK) {
            throw new InvalidInputException("peer", "suite network needs a peer: HOST[:PORT] of a machine running iperf3 -s"
                + " or hyperlab iperf3 --server");
        }
        if (peer != null) {
            // As on the command line: the study's 5 trials for the network tests unless trials is given.
            Integer trials = body.integer("trials", null);
            settings = settings.withNetwork(Body.field("peer", () -> NetworkSettings.parsePeer(peer)).with(
                body.integer("netTime", NetworkSettings.STUDY_SECONDS),
                Body.field("udpBitrate", () -> Units.parseRate(body.string("udpBitrate", "100M"))),
                trials != null ? trials : NetworkSettings.STUDY_TRIALS));
        }
        return new RunRequest(suite, body.strings("tests"), body.string("label", defaultLabel), policy, settings);
    }

    private Object withTask(RunRecord record) {
        ObjectNode node = Json.MAPPER.valueToTree(record);
        tasks.byRun(record.run().id()).ifPresent(task -> node.set("task", Json.MAPPER.valueToTree(task)));
        return node;
    }

    private TaskInfo cancel(long runId) {
        RunRecord record = history.run(runId);
        if (record.run().status() != RunStatus.RUNNING) {
            throw new ConflictException("run " + runId + " has already " + record.run().status().id() + "; only a running run can be cancelled");
        }
        TaskInfo task = tasks.byRun(runId).orElseThrow(() -> new ConflictException("run " + runId
            + " is running in another process (the command line?); stop it there with Ctrl-C"));
        return tasks.cancel(task.id());
    }

    static RunFilter filter(Query query) {
        String suite = query.get("suite");
        String status = query.get("status");
        return new RunFilter(
            query.get("label"),
            suite == null ? null : Body.field("suite", () -> Suite.parse(suite)).id(),
            status == null ? null : RunStatus.parse(status),
            query.time("since"),
            query.time("until"),
            query.integer("limit", RunFilter.DEFAULT_LIMIT),
            query.integer("offset", 0));
    }

    private static Object suites() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", suite.id());
            entry.put("description", suite.description);
            List<Map<String, Object>> tests = new ArrayList<>();
            for (Benchmark test : suite.tests()) {
                tests.add(Map.of("name", test.name(), "title", test.title(), "metrics", test.metrics()));
            }
            entry.put("tests", tests);
            list.add(entry);
        }
        return list;
    }
}
