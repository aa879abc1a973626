package io.hyperlab.web;

import io.hyperlab.InvalidInputException;
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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Logging in and out, the session, password changes and API tokens; and the guard that every
 * other API route sits behind: a session cookie (with the CSRF header on state-changing
 * requests) or an {@code Authorization: Bearer} token.
 */
final class AuthApi {
    static final String COOKIE = "hyperlab_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /**
     * A login relayed by a trusted local program (the appliance's SSH password hook) names the
     * remote client in this header, with the forwarder's secret in {@link #FORWARDER_HEADER}:
     * the failed-login limits then count against that client, not against this machine's loopback.
     */
    static final String CLIENT_ADDRESS_HEADER = "X-HyperLab-Client-Address";
    static final String FORWARDER_HEADER = "X-HyperLab-Forwarder";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
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
        String address;
        try {
            address = clientAddress(ctx);
        } catch (RuntimeException e) {
            ctx.fail(e);
            return;
        }
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

    /**
     * Who is logging in: the connection's peer, or the client a trusted forwarder names. The
     * forwarder must connect over loopback and present the secret only it can read, so nobody
     * else can blame (or clear) another address.
     */
    private String clientAddress(RoutingContext ctx) {
        String peer = ctx.request().remoteAddress().hostAddress();
        String named = ctx.request().getHeader(CLIENT_ADDRESS_HEADER);
        if (named == null) {
            return peer;
        }
        InetAddress peerAddress = literal(peer);
        if (peerAddress == null || !peerAddress.isLoopbackAddress() || !auth.isForwarder(ctx.request().getHeader(FORWARDER_HEADER))) {
            throw AuthException.forbidden("not_forwarder", CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_HEADER
                + " is accepted only from the appliance's own SSH login hook (over loopback, with the forwarder's secret); leave it out");
        }
        String address = named.strip();
        if (literal(address) == null) {
            throw new InvalidInputException(CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_HEADER + " '"
                + (address.length() > 45 ? address.substring(0, 45) + "..." : address)
                + "' is not an IP address: give the client's IPv4 or IPv6 address, e.g. 192.0.2.7");
        }
        return address;
    }

    /** The address of an IP literal, or null for anything else (never a name: nothing is looked up). */
    private static InetAddress literal(String address) {
        if (address.length() > 45 || !IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
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
