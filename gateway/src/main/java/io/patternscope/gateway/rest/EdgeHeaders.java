package io.patternscope.gateway.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway is the public door, so every answer carries the browser-side defences: no MIME
 * sniffing, no framing (clickjacking), no referrer leaving the site, no camera or location, and a
 * Content-Security-Policy that lets the SPA load only its own script, styles and API (label values
 * from monitored systems can never run as script even if one slipped into markup). API answers
 * are never cached ({@code no-store}: they carry tenants' data); the SPA's page is revalidated on
 * every load ({@code no-cache}) so a new release is seen at once. Swagger UI and the {@code /q/}
 * endpoints keep Quarkus's own pages, which need inline script, and get no CSP.
 */
@ApplicationScoped
public class EdgeHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String path = ctx.normalizedPath();
            ctx.addHeadersEndHandler(ignored -> {
                var headers = ctx.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
                if (!path.startsWith("/swagger-ui") && !path.startsWith("/q/")) {
                    headers.set("Content-Security-Policy", CSP);
                }
                if (path.startsWith("/api/")) {
                    headers.set("Cache-Control", "no-store");
                } else if (path.equals("/") || path.equals("/index.html")) {
                    headers.set("Cache-Control", "no-cache");
                }
            });
            ctx.next();
        });
    }
}
