package io.hyperlab.web;

import io.hyperlab.web.auth.AuthException;
import io.hyperlab.web.auth.AuthService;
import io.hyperlab.web.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Logging in and out, the session, password changes and API tokens; and the guard that every
 * other API route sits behind: a session cookie (with the CSRF header on state-changing
 * requests) or an {@code Authorization: Bearer} token.
 */
final class AuthApi {
    static final String COOKIE = "hyperlab_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "principal";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Api api;
    private final AuthService auth;
    private final boolean https;
    private final Log log;

    AuthApi(Api api, AuthService auth, boolean https, Log log) {
        this.api = api;
        this.auth = auth;
        this.https = https;
        this.log = log;
    }

    /** Routes that need no login: login itself. */
    void mountPublic(Router router) {
        router.post("/api/v1/login").handler(this::login);
    }

    void mount(Router router) {
        router.post("/api/v1/logout").handler(this::logout);
        router.get("/api/v1/session").handler(ctx -> Api.json(ctx, 200, describe(principal(ctx))));
        router.post("/api/v1/account/password").handler(this::changePassword);
        router.get("/api/v1/tokens").handler(ctx -> api.respond(ctx, 200, () -> auth.tokens(principal(ctx))));
        router.post("/api/v1/tokens").handler(ctx -> {
            Body body = Body.of(ctx, "name");
            String name = body.requiredString("name");
            api.respond(ctx, 201, () -> auth.createToken(principal(ctx), name));
        });
        router.delete("/api/v1/tokens/:id").handler(ctx -> {
            long id = Api.id(ctx, "token");
            api.blocking(() -> {
                auth.revokeToken(principal(ctx), id);
                return null;
            }).onSuccess(nothing -> Api.noContent(ctx)).onFailure(ctx::fail);
        });
    }

    /** Lets a request through only with a live session or token; sessions must echo the CSRF token to change anything. */
    Handler<RoutingContext> guard() {
        return ctx -> {
            String authorization = ctx.request().getHeader("Authorization");
            boolean viaToken = authorization != null;
            String secret;
            if (viaToken) {
                if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    ctx.fail(AuthException.unauthorized("use 'Authorization: Bearer TOKEN' with an API token"));
                    return;
                }
                secret = authorization.substring(7).strip();
            } else {
                Cookie cookie = ctx.request().getCookie(COOKIE);
                if (cookie == null) {
                    ctx.fail(AuthException.unauthorized(
                        "log in first (POST /api/v1/login) or send an API token as 'Authorization: Bearer TOKEN'"));
                    return;
                }
                secret = cookie.getValue();
            }
            // Most requests come from a session or token checked moments ago: no trip to the database.
            Optional<Principal> known = auth.remembered(secret).filter(p -> p.viaSession() != viaToken);
            Future<Optional<Principal>> found = known.isPresent() ? Future.succeededFuture(known)
                : api.blocking(() -> viaToken ? auth.token(secret) : auth.session(secret));
            found.onSuccess(principal -> {
                if (principal.isEmpty()) {
                    ctx.fail(AuthException.unauthorized(viaToken
                        ? "this API token is unknown or was revoked" : "the session has ended; log in again"));
                    return;
                }
                if (principal.get().viaSession() && !SAFE.contains(ctx.request().method())
                    && !AuthService.csrfMatches(principal.get(), ctx.request().getHeader(CSRF_HEADER))) {
                    ctx.fail(AuthException.forbidden("csrf", CSRF_HEADER, "a state-changing request from a web session must carry the "
                        + CSRF_HEADER + " header with the token given at login (GET /api/v1/session)"));
                    return;
                }
                ctx.put(PRINCIPAL, principal.get());
                ctx.next();
            }).onFailure(ctx::fail);
        };
    }

    static Principal principal(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("route " + ctx.request().path() + " is not behind the auth guard");
        }
        return principal;
    }

    /** Who made the request, for the access log; null before the guard. */
    static String user(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        return principal == null ? null : principal.user();
    }

    private void login(RoutingContext ctx) {
        // Login has no session to hold a CSRF token yet; requiring a JSON body is what stops a
        // cross-site form from logging a browser in (a form cannot send application/json).
        Body body = Body.of(ctx, "username", "password");
        String user = body.requiredString("username");
        String password = body.requiredString("password");
        String address = ctx.request().remoteAddress().hostAddress();
        api.slow(() -> auth.login(user, password, address)).onSuccess(login -> {
            ctx.response().addCookie(Cookie.cookie(COOKIE, login.sessionId())
                .setHttpOnly(true).setSecure(https).setSameSite(CookieSameSite.STRICT).setPath("/"));
            log.info("login", "user " + user + " logged in", "user", user, "address", address);
            Api.json(ctx, 200, describe(login.principal()));
        }).onFailure(failure -> {
            if (failure instanceof AuthException) {
                log.warn("login_failed", "failed login for '" + user + "'", "user", user, "address", address,
                    "reason", failure.getMessage());
            }
            ctx.fail(failure);
        });
    }

    private void logout(RoutingContext ctx) {
        Principal principal = principal(ctx);
        api.blocking(() -> {
            auth.logout(principal);
            return null;
        }).onSuccess(nothing -> {
            ctx.response().addCookie(Cookie.cookie(COOKIE, "").setHttpOnly(true).setSecure(https)
                .setSameSite(CookieSameSite.STRICT).setPath("/").setMaxAge(0));
            Api.noContent(ctx);
        }).onFailure(ctx::fail);
    }

    private void changePassword(RoutingContext ctx) {
        Body body = Body.of(ctx, "current", "new");
        String current = body.requiredString("current");
        String replacement = body.requiredString("new");
        Principal principal = principal(ctx);
        api.slow(() -> {
            auth.changePassword(principal, current, replacement);
            return null;
        }).onSuccess(nothing -> {
            log.info("password_changed", "user " + principal.user() + " changed the password", "user", principal.user());
            Api.noContent(ctx);
        }).onFailure(ctx::fail);
    }

    private static Map<String, Object> describe(Principal principal) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("user", principal.user());
        session.put("via", principal.viaSession() ? "session" : "token");
        if (principal.viaSession()) {
            session.put("csrfToken", principal.csrfToken());
        }
        return session;
    }
}
