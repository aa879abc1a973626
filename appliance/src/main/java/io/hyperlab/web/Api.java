package io.hyperlab.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperlab.ConflictException;
import io.hyperlab.HyperLabException;
import io.hyperlab.InvalidInputException;
import io.hyperlab.Json;
import io.hyperlab.NotFoundException;
import io.hyperlab.host.UntrustedCertificateException;
import io.hyperlab.task.TaskInfo;
import io.hyperlab.web.auth.AuthException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * What every resource shares: blocking work on the daemon's worker pool, JSON answers, path
 * ids, and errors as {@code {code, message, field}} with the right status and never a stack trace.
 */
final class Api {
    private final WorkerExecutor database;
    private final WorkerExecutor workers;

    /**
     * @param database one thread: the history serializes its calls anyway, and a queue serves
     *                 them in arrival order where threads contending for its lock would not
     * @param workers  for slow work (Argon2, calls to hypervisor hosts) that must not hold up the database's queue
     */
    Api(WorkerExecutor database, WorkerExecutor workers) {
        this.database = database;
        this.workers = workers;
    }

    /** Runs quick blocking work (SQLite, /proc) off the event loop, in arrival order. */
    <T> Future<T> blocking(Callable<T> work) {
        return database.executeBlocking(work, false);
    }

    /** Runs slow blocking work (password hashing, host calls) off the event loop and off the database's queue. */
    <T> Future<T> slow(Callable<T> work) {
        return workers.executeBlocking(work, false);
    }

    /** Runs blocking work and answers with its result as JSON, or with the error it threw. */
    <T> void respond(RoutingContext ctx, int status, Callable<T> work) {
        blocking(work).onSuccess(value -> json(ctx, status, value)).onFailure(ctx::fail);
    }

    /** 202 Accepted for a long operation: the task, and where to follow it. */
    static void accepted(RoutingContext ctx, TaskInfo task) {
        ctx.response().putHeader("Location", "/api/v1/tasks/" + task.id());
        json(ctx, 202, task);
    }

    static void json(RoutingContext ctx, int status, Object value) {
        if (ctx.response().ended()) {
            return;
        }
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
    }

    static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    /** A whole number from 1 in the path, e.g. the run in {@code /runs/:id}. */
    static long id(RoutingContext ctx, String what) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new InvalidInputException("id", "'" + text + "' is not a " + what + " id: use a whole number from 1");
    }

    /** The router's failure handler: maps what went wrong to a status and a JSON error. */
    static Handler<RoutingContext> failures(Log log, long maxBodyBytes) {
        return ctx -> {
            if (ctx.response().ended()) {
                return;
            }
            Throwable failure = ctx.failure();
            if (failure == null) {
                int status = ctx.statusCode();
                switch (status) {
                    case 413 -> error(ctx, 413, "too_large", null, "the request body is over the limit of " + maxBodyBytes + " bytes");
                    case 404 -> error(ctx, 404, "not_found", null, "nothing at " + ctx.request().path());
                    case 405 -> error(ctx, 405, "method_not_allowed", null,
                        ctx.request().method() + " is not allowed on " + ctx.request().path());
                    case 401 -> error(ctx, 401, "unauthorized", null, "log in or send an API token");
                    case 403 -> error(ctx, 403, "forbidden", null, "not allowed");
                    default -> error(ctx, status >= 400 ? status : 500, status >= 400 && status < 500 ? "bad_request" : "internal_error",
                        null, status >= 400 && status < 500 ? "the request was refused" : "internal error");
                }
                return;
            }
            if (failure instanceof AuthException auth) {
                if (auth.retryAfterSeconds() > 0) {
                    ctx.response().putHeader("Retry-After", Long.toString(auth.retryAfterSeconds()));
                }
                error(ctx, auth.status(), auth.code(), auth.field(), auth.getMessage());
            } else if (failure instanceof ApiException api) {
                error(ctx, api.status, api.code, null, api.getMessage());
            } else if (failure instanceof InvalidInputException invalid) {
                error(ctx, 400, "invalid_input", invalid.field(), invalid.getMessage());
            } else if (failure instanceof NotFoundException) {
                error(ctx, 404, "not_found", null, failure.getMessage());
            } else if (failure instanceof ConflictException) {
                error(ctx, 409, "conflict", null, failure.getMessage());
            } else if (failure instanceof UntrustedCertificateException untrusted) {
                // The request is sound; the host's certificate is not (yet) the one trusted. The same
                // request with fingerprint = seen, once the user has checked it, goes through.
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("seen", untrusted.seen().sha256());
                if (untrusted.pinned() != null) {
                    details.put("pinned", untrusted.pinned().sha256());
                }
                error(ctx, 409, "untrusted_certificate", "fingerprint", failure.getMessage(), details);
            } else if (failure instanceof HyperLabException) {
                log.warn("request_failed", failure.getMessage(), "method", ctx.request().method().name(), "path", ctx.request().path());
                error(ctx, 500, "failed", null, failure.getMessage());
            } else {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("internal_error", String.valueOf(failure), "reference", reference,
                    "method", ctx.request().method().name(), "path", ctx.request().path(), "trace", trace(failure));
                error(ctx, 500, "internal_error", null, "internal error (reference " + reference + " in the daemon's log)");
            }
        };
    }

    static void error(RoutingContext ctx, int status, String code, String field, String message) {
        error(ctx, status, code, field, message, Map.of());
    }

    /** An error with more than code, message and field: what a client needs to act on it. */
    static void error(RoutingContext ctx, int status, String code, String field, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        body.putAll(details);
        json(ctx, status, body);
    }

    private static String trace(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement element : failure.getStackTrace()) {
            if (text.length() > 2000) {
                break;
            }
            text.append(element).append(" | ");
        }
        return text.toString();
    }
}
