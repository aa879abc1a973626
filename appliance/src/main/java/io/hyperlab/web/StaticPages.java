package io.hyperlab.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web page: plain HTML, CSS and JavaScript served from the jar, with headers that keep
 * other sites from framing it or running scripts in it. The page itself needs no login: it
 * asks the API, which does.
 */
final class StaticPages {
    static final String ROOT = "io/hyperlab/web/static";
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    private StaticPages() {
    }

    /** Security headers on every answer, API ones included. */
    static void mountHeaders(Router router) {
        router.route().handler(ctx -> {
            ctx.response().headers()
                .set("Content-Security-Policy", POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer");
            if (ctx.request().path().startsWith("/api/")) {
                ctx.response().putHeader("Cache-Control", "no-store");
            }
            ctx.next();
        });
    }

    static void mount(Router router) {
        router.get("/*").handler(StaticHandler.create(ROOT)
            .setDirectoryListing(false)
            .setIncludeHidden(false)
            .setCachingEnabled(false)
            .setIndexPage("index.html"));
    }
}
