package io.hyperlab.web;

import io.hyperlab.history.History;
import io.hyperlab.history.LatestResult;
import io.hyperlab.history.RunFilter;
import io.hyperlab.history.RunStatus;
import io.hyperlab.task.TaskStatus;
import io.hyperlab.task.Tasks;
import io.vertx.ext.web.Router;
import java.util.Map;

/**
 * Prometheus text format at {@code /metrics} (no login, as scrapers expect): runs in the
 * history by status, runs this daemon finished, the queue, and the latest result of every
 * test and metric.
 */
final class MetricsApi {
    private final Api api;
    private final History history;
    private final Tasks tasks;

    MetricsApi(Api api, History history, Tasks tasks) {
        this.api = api;
        this.history = history;
        this.tasks = tasks;
    }

    void mountPublic(Router router) {
        router.get("/metrics").handler(ctx -> api.blocking(this::render).onSuccess(text -> ctx.response()
            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .end(text)).onFailure(ctx::fail));
    }

    String render() {
        StringBuilder out = new StringBuilder();
        header(out, "hyperlab_runs", "gauge", "Runs in the history, by status.");
        for (RunStatus status : RunStatus.values()) {
            long count = history.listRuns(new RunFilter(null, null, status, null, null, 1, 0)).total();
            out.append("hyperlab_runs{status=\"").append(status.id()).append("\"} ").append(count).append('\n');
        }
        Map<TaskStatus, Long> finished = tasks.finishedRuns();
        counter(out, "hyperlab_runs_completed_total", "Benchmark runs this daemon completed since it started.",
            finished.get(TaskStatus.SUCCEEDED));
        counter(out, "hyperlab_runs_failed_total", "Benchmark runs this daemon saw fail since it started.",
            finished.get(TaskStatus.FAILED));
        counter(out, "hyperlab_runs_cancelled_total", "Benchmark runs cancelled in this daemon since it started.",
            finished.get(TaskStatus.CANCELLED));
        header(out, "hyperlab_queue_length", "gauge", "Benchmark runs waiting for their turn.");
        out.append("hyperlab_queue_length ").append(tasks.queueLength()).append('\n');
        header(out, "hyperlab_last_result", "gauge", "Mean over the trials of the latest completed run, per test and metric.");
        for (LatestResult result : history.latestResults()) {
            out.append("hyperlab_last_result{test=\"").append(escape(result.test()))
                .append("\",metric=\"").append(escape(result.metric()))
                .append("\",unit=\"").append(escape(result.unit()))
                .append("\",label=\"").append(escape(result.label()))
                .append("\",run=\"").append(result.runId())
                .append("\"} ").append(result.mean()).append('\n');
        }
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, "counter", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** A label value as the text format wants it: backslash, quote and new line escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
