package io.hyperlab.host.xapi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.hyperlab.host.Fingerprint;
import io.hyperlab.host.UntrustedCertificateException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A logged-in XAPI session. Every call goes with the session reference first; when XAPI says
 * {@code SESSION_INVALID} (the session expired or the toolstack restarted) it logs in again and
 * repeats the call once. Logging in to a pool member follows {@code HOST_IS_SLAVE} to the pool's
 * coordinator, whose certificate must match the same pin (a pool whose hosts have their own
 * certificates is reached through its coordinator's address).
 */
public final class XapiSession implements AutoCloseable {
    /** The API version sent at login; XAPI accepts any and answers with its own. */
    static final String CLIENT_VERSION = "1.0";
    private static final int MAX_REDIRECTS = 3;

    private final Vertx vertx;
    private final Settings settings;
    private final String user;
    private final char[] password;
    private volatile JsonRpcClient client;
    private volatile String sessionRef;
    private Future<String> relogin;

    /** How to talk to the host: the pinned fingerprint (null on a first connect), originator shown in XAPI's logs, timeouts. */
    public record Settings(Fingerprint pin, String originator, Duration connectTimeout, Duration requestTimeout,
                           Duration taskPollMax) {
        public Settings {
            Objects.requireNonNull(originator, "originator");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(taskPollMax, "taskPollMax");
        }

        public static Settings defaults(Fingerprint pin) {
            return new Settings(pin, "HyperLab", Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofSeconds(1));
        }
    }

    private XapiSession(Vertx vertx, XapiEndpoint endpoint, String user, char[] password, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.user = user;
        this.password = password.clone();
        this.client = newClient(endpoint);
    }

    /** Logs in to {@code endpoint} (or, for a pool member, to its coordinator). */
    public static Future<XapiSession> open(Vertx vertx, XapiEndpoint endpoint, String user, char[] password, Settings settings) {
        XapiSession session = new XapiSession(vertx, endpoint, user, password, settings);
        return session.login(MAX_REDIRECTS).map(ref -> session).recover(failure -> {
            session.closeQuietly();
            return Future.failedFuture(failure);
        });
    }

    /** The host this session talks to: the one asked for, or the coordinator it was sent on to. */
    public XapiEndpoint endpoint() {
        return client.endpoint();
    }

    /** Calls {@code method} with the session reference and then {@code args}; the raw result. */
    public Future<JsonNode> call(String method, Object... args) {
        String ref = sessionRef;
        return client.call(method, withSession(ref, args)).recover(failure -> {
            if (failure instanceof XapiException error && error.code().equals("SESSION_INVALID")) {
                return relogin(ref).compose(fresh -> client.call(method, withSession(fresh, args)));
            }
            return Future.failedFuture(failure);
        });
    }

    /** Calls {@code method} and converts its result to {@code type}. */
    public <T> Future<T> call(JavaType type, String method, Object... args) {
        return call(method, args).map(result -> convert(result, type, method));
    }

    /** Calls {@code method} and converts its result to {@code type}. */
    public <T> Future<T> call(Class<T> type, String method, Object... args) {
        return call(XapiJson.MAPPER.constructType(type), method, args);
    }

    /**
     * Runs {@code Async.method} and waits for its task: the task's result (a reference, or an empty
     * string for void) or the task's error as an {@link XapiException} of {@code method}.
     */
    public Future<String> run(String method, Object... args) {
        return start(method, args).compose(task -> awaitTask(method, task));
    }

    /** Starts {@code Async.method}; its task's reference. */
    public Future<String> start(String method, Object... args) {
        return call(String.class, "Async." + method, args);
    }

    /** Waits until the task of {@code method} ends, then forgets it (task.destroy); its result or error. */
    public Future<String> awaitTask(String method, String task) {
        return pollTask(method, task, 50);
    }

    /** Asks XAPI to cancel a task that is taking too long; whether it could is not reported. */
    public Future<Void> cancelTask(String task) {
        return call("task.cancel", task).<Void>mapEmpty().otherwiseEmpty();
    }

    private Future<String> pollTask(String method, String task, long delayMillis) {
        return call(XapiRecords.Task.class, "task.get_record", task).compose(record -> switch (record.status()) {
            case "pending", "cancelling" -> vertx.timer(delayMillis)
                .compose(fired -> pollTask(method, task, Math.min(delayMillis * 2, settings.taskPollMax().toMillis())));
            case "success" -> forgetTask(task).map(done -> taskValue(record.result()));
            case "failure", "cancelled" -> forgetTask(task).compose(done -> Future.failedFuture(taskError(method, record)));
            default -> Future.failedFuture(new XapiProtocolException("task " + task + " of " + method
                + " is in the unknown status '" + record.status() + "'"));
        });
    }

    private Future<Void> forgetTask(String task) {
        return call("task.destroy", task).<Void>mapEmpty().otherwiseEmpty();
    }

    private static XapiException taskError(String method, XapiRecords.Task task) {
        List<String> info = task.errorInfo() == null ? List.of() : task.errorInfo();
        if (info.isEmpty()) {
            return new XapiException(method, "task_" + task.status(), List.of());
        }
        return new XapiException(method, info.get(0), info.subList(1, info.size()));
    }

    /** A task's result is an XML-RPC value ({@code <value>OpaqueRef:..</value>}), even over JSON-RPC. */
    static String taskValue(String result) {
        if (result == null) {
            return "";
        }
        return result.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }

    /** Ends the session on the host and releases the connection. */
    @Override
    public void close() {
        String ref = sessionRef;
        if (ref != null) {
            client.call("session.logout", List.of(ref)).otherwiseEmpty().await();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        Arrays.fill(password, '\0');
        client.close();
    }

    private synchronized Future<String> relogin(String staleRef) {
        if (!Objects.equals(staleRef, sessionRef)) {
            return Future.succeededFuture(sessionRef);
        }
        if (relogin == null) {
            relogin = login(MAX_REDIRECTS).andThen(done -> {
                synchronized (this) {
                    relogin = null;
                }
            });
        }
        return relogin;
    }

    private Future<String> login(int redirectsLeft) {
        JsonRpcClient target = client;
        List<Object> params = List.of(user, password, CLIENT_VERSION, settings.originator());
        return target.call("session.login_with_password", params)
            .map(result -> {
                if (!result.isTextual() || result.asText().isEmpty()) {
                    throw new XapiProtocolException("XenServer at " + target.endpoint()
                        + " answered session.login_with_password with " + result + " instead of a session reference");
                }
                sessionRef = result.asText();
                return sessionRef;
            })
            .recover(failure -> {
                if (failure instanceof XapiException error && error.code().equals("HOST_IS_SLAVE")) {
                    if (redirectsLeft == 0 || error.param(0).isBlank()) {
                        return Future.failedFuture(failure);
                    }
                    XapiEndpoint coordinator = target.endpoint().withHost(error.param(0));
                    client = newClient(coordinator);
                    target.close();
                    return login(redirectsLeft - 1).recover(next -> Future.failedFuture(
                        next instanceof UntrustedCertificateException untrusted && untrusted.pinned() != null
                            ? new UntrustedCertificateException(coordinator.toString(), untrusted.seen(), untrusted.pinned(),
                                "It is the pool coordinator of " + target.endpoint() + ", which sent us there: connect to the "
                                + "coordinator " + coordinator.host() + " instead, after checking its fingerprint on its console")
                            : next));
                }
                return Future.failedFuture(failure);
            });
    }

    private JsonRpcClient newClient(XapiEndpoint endpoint) {
        return new JsonRpcClient(vertx, endpoint, settings.pin(), settings.connectTimeout(), settings.requestTimeout());
    }

    private static List<Object> withSession(String ref, Object... args) {
        List<Object> params = new ArrayList<>(args.length + 1);
        params.add(ref);
        params.addAll(Arrays.asList(args));
        return params;
    }

    static <T> T convert(JsonNode result, JavaType type, String method) {
        try {
            return XapiJson.MAPPER.convertValue(result, type);
        } catch (IllegalArgumentException e) {
            throw new XapiProtocolException("XAPI's answer to " + method + " is not a " + type.getGenericSignature()
                + ": " + e.getMessage());
        }
    }
}
