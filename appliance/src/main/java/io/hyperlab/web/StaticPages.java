package io.hyperlab.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web page: plain HTML, CSS and JavaScript read from the jar once at start and served from
 * memory, with headers that keep other sites from framing it or running scripts in it. Only
 * the files named here exist, so no path can reach anything else. The page needs no login: it
 * asks the API, which does.
 */
final class StaticPages {
    static final String ROOT = "/io/hyperlab/web/static/";
    /** Every file of the page; a new page's script is added here. */
    static final List<String> FILES = List.of("index.html", "app.css", "js/app.js", "js/ui.js", "js/live.js", "js/runs.js",
        "js/account.js", "js/compare.js", "js/hosts.js");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "js", "text/javascript; charset=utf-8");
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
        Map<String, byte[]> files = load();
        router.get("/*").handler(ctx -> {
            String path = ctx.normalizedPath();
            String name = path.equals("/") ? "index.html" : path.substring(1);
            byte[] content = files.get(name);
            if (content == null) {
                ctx.next();
                return;
            }
            ctx.response()
                .putHeader("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                .putHeader("Cache-Control", "no-cache")
                .end(Buffer.buffer(content));
        });
    }

    /** As bytes: a Buffer handed to a response belongs to that response, so each answer gets its own. */
    private static Map<String, byte[]> load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = StaticPages.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IllegalStateException("the web page's file " + name + " is missing from the jar");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the web page's file " + name, e);
            }
        }
        return files;
    }
}
