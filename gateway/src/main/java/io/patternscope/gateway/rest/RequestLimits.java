package io.patternscope.gateway.rest;

import io.patternscope.core.api.ApiViews.ErrorView;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Oversized requests get the same JSON sentence as every other error, not the HTTP codec's empty
 * answer: a request line over {@link #MAX_REQUEST_LINE} characters is 414, headers over
 * {@link #MAX_HEADERS} bytes 431, a declared body over {@link #MAX_BODY} bytes 413. Vert.x itself
 * stops reading request lines and headers at four times these sizes ({@code quarkus.http.limits.*}), where it answers with
 * an empty body; between the two limits this route answers. A chunked body is cut at 10 MiB by
 * Quarkus ({@code max-body-size}).
 */
@ApplicationScoped
public class RequestLimits {

    public static final int MAX_REQUEST_LINE = 8 * 1024;
    public static final int MAX_HEADERS = 16 * 1024;
    public static final long MAX_BODY = 10L * 1024 * 1024;

    void install(@Observes Router router) {
        router.route().order(-1001).handler(ctx -> {
            var request = ctx.request();
            if (request.uri().length() > MAX_REQUEST_LINE) {
                refuse(ctx, 414, "the request line is longer than " + MAX_REQUEST_LINE + " characters");
                return;
            }
            int headerBytes = 0;
            for (Map.Entry<String, String> header : request.headers()) {
                headerBytes += header.getKey().length() + header.getValue().length() + 4;
            }
            if (headerBytes > MAX_HEADERS) {
                refuse(ctx, 431, "the request headers are larger than " + MAX_HEADERS + " bytes");
                return;
            }
            String length = request.getHeader("Content-Length");
            if (length != null && declaredOver(length)) {
                refuse(ctx, 413, "the body is larger than " + MAX_BODY + " bytes");
                return;
            }
            ctx.next();
        });
        // A body that turns out larger than declared (or chunked) is stopped by the body handler.
        router.errorHandler(413, ctx -> refuse(ctx, 413, "the body is larger than " + MAX_BODY + " bytes"));
    }

    private static boolean declaredOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BODY;
        } catch (NumberFormatException e) {
            return false; // the codec answers a malformed length itself
        }
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close").end(Json.encode(new ErrorView(status, message)));
    }
}
