package io.hyperlab.web;

import io.hyperlab.InvalidInputException;
import io.hyperlab.history.History;
import io.hyperlab.report.Comparison;
import io.hyperlab.report.Comparisons;
import io.hyperlab.report.Export;
import io.hyperlab.report.Exports;
import io.hyperlab.report.Importer;
import io.hyperlab.report.ReportFormat;
import io.hyperlab.report.ReportFormats;
import io.hyperlab.report.Side;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Comparisons (labels, runs and the shipped study reference side by side), exports of the
 * history and imports of PTS or HyperLab files, in every report format; the {@code report}
 * package does the work, as it does for the command line.
 */
final class CompareApi {
    private static final Set<String> COMPARE_PARAMETERS = Set.of("label", "run", "reference", "alpha", "format", "download");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("label", "format", "download");
    private static final Set<String> IMPORT_PARAMETERS = Set.of("filename", "label", "skipExisting");
    private static final Set<String> IMPORT_TYPES = Set.of("application/json", "application/xml", "text/xml", "application/octet-stream");

    private final Api api;
    private final History history;

    CompareApi(Api api, History history) {
        this.api = api;
        this.history = history;
    }

    /** Imports take files up to the importer's limit, larger than the API's usual body limit: mounted before that one. */
    static void mountUploadLimit(Router router) {
        router.post("/api/v1/imports").handler(BodyHandler.create(false).setBodyLimit(Importer.MAX_BYTES));
    }

    void mount(Router router) {
        router.get("/api/v1/compare").handler(this::compare);
        router.get("/api/v1/export").handler(this::export);
        router.post("/api/v1/imports").handler(this::importFile);
    }

    private void compare(RoutingContext ctx) {
        Query query = Query.of(ctx, COMPARE_PARAMETERS);
        List<Side> sides = new ArrayList<>();
        for (Query.Parameter parameter : query.all()) {
            String value = parameter.value();
            switch (parameter.name()) {
                case "label" -> sides.add(Body.field("label", () -> new Side.Label(value)));
                case "run" -> sides.add(Body.field("run", () -> new Side.Run(Query.whole("run", value))));
                case "reference" -> sides.add(Body.field("reference", () -> Side.Reference.parse(value)));
                default -> {
                    // alpha, format and download are read below.
                }
            }
        }
        double alpha = query.number("alpha", Comparisons.DEFAULT_ALPHA);
        ReportFormat format = format(query);
        api.blocking(() -> {
            Comparison comparison = Comparisons.compare(history, sides, alpha);
            return render(out -> format.write(comparison, out));
        }).onSuccess(bytes -> send(ctx, format, "comparison", bytes, query)).onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx) {
        Query query = Query.of(ctx, EXPORT_PARAMETERS);
        String label = query.get("label");
        ReportFormat format = format(query);
        api.blocking(() -> {
            Export export = Exports.of(history, label);
            return render(out -> format.write(export, out));
        }).onSuccess(bytes -> send(ctx, format, "hyperlab-export", bytes, query)).onFailure(ctx::fail);
    }

    private void importFile(RoutingContext ctx) {
        Query query = Query.of(ctx, IMPORT_PARAMETERS);
        String type = ctx.request().getHeader("Content-Type");
        String bare = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!IMPORT_TYPES.contains(bare)) {
            throw new ApiException(415, "unsupported_media_type", "send the file itself as the body, with Content-Type "
                + String.join(", ", IMPORT_TYPES.stream().sorted().toList()) + (type == null ? "" : ", not '" + type + "'"));
        }
        String fileName = query.get("filename");
        String label = query.get("label");
        boolean skipExisting = query.flag("skipExisting");
        byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        api.blocking(() -> Importer.importBytes(history, fileName == null ? "upload" : fileName, bytes, label, skipExisting))
            .onSuccess(result -> Api.json(ctx, 201, result)).onFailure(ctx::fail);
    }

    private interface Writing {
        void to(java.io.OutputStream out) throws IOException;
    }

    private static byte[] render(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void send(RoutingContext ctx, ReportFormat format, String name, byte[] bytes, Query query) {
        if (query.flag("download")) {
            ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format.fileExtension() + "\"");
        }
        ctx.response().putHeader("Content-Type", format.mediaType()).end(Buffer.buffer(bytes));
    }

    private static ReportFormat format(Query query) {
        String id = query.get("format");
        return Body.field("format", () -> ReportFormats.get(id == null ? "json" : id));
    }
}
