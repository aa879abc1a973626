package io.hyperlab.web;

import io.hyperlab.task.Tasks;
import io.vertx.ext.web.Router;

/** The daemon's long operations: list them, follow one, cancel one. */
final class TasksApi {
    private final Api api;
    private final Tasks tasks;

    TasksApi(Api api, Tasks tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    void mount(Router router) {
        router.get("/api/v1/tasks").handler(ctx -> api.respond(ctx, 200, tasks::list));
        router.get("/api/v1/tasks/:id").handler(ctx -> {
            long id = Api.id(ctx, "task");
            api.respond(ctx, 200, () -> tasks.get(id));
        });
        router.post("/api/v1/tasks/:id/cancel").handler(ctx -> {
            long id = Api.id(ctx, "task");
            api.respond(ctx, 202, () -> tasks.cancel(id));
        });
    }
}
