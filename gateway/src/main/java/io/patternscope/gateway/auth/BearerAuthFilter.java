package io.patternscope.gateway.auth;

import io.patternscope.core.api.ApiViews.ErrorView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/} call needs {@code Authorization: Bearer <token>}: an unknown or revoked token
 * is 401, a token over its rate is 429 with {@code Retry-After}. Health, metrics, the OpenAPI
 * document and the UI's files are not REST resources and stay open.
 */
public class BearerAuthFilter {

    private final ApiTokenStore store;
    private final CurrentCaller current;
    private final TokenBuckets buckets;

    public BearerAuthFilter(ApiTokenStore store, CurrentCaller current,
                            @ConfigProperty(name = "patternscope.auth.rate-limit.per-minute", defaultValue = "600") int perMinute,
                            @ConfigProperty(name = "patternscope.auth.rate-limit.burst", defaultValue = "120") int burst) {
        this.store = store;
        this.current = current;
        this.buckets = new TokenBuckets(perMinute, burst);
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return Uni.createFrom().item(unauthorized("a bearer token is required: Authorization: Bearer <token>"));
        }
        return store.find(header.substring(7).strip()).map(found -> {
            if (found.isEmpty()) {
                return unauthorized("the bearer token is unknown or revoked");
            }
            long wait = buckets.tryAcquire(found.get().tokenId(), System.nanoTime());
            if (wait > 0) {
                return Response.status(429).header("Retry-After", wait).type(MediaType.APPLICATION_JSON)
                        .entity(Json.encode(new ErrorView(429, "too many requests for this token; retry in " + wait + " s")))
                        .build();
            }
            current.set(found.get());
            return null;
        });
    }

    private static Response unauthorized(String message) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"patternscope\"")
                .type(MediaType.APPLICATION_JSON).entity(Json.encode(new ErrorView(401, message))).build();
    }
}
