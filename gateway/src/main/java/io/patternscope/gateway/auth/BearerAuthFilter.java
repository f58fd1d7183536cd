package io.patternscope.gateway.auth;

import io.patternscope.gateway.config.AuthConfig;
import io.patternscope.gateway.rest.ErrorResponses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/} call needs {@code Authorization: Bearer <token>}, or the UI's HttpOnly session
 * cookie holding it ({@link SessionResource}; on a call that changes something the cookie also needs
 * the {@code X-Patternscope-Client} header, which a cross-site form or image cannot send, on top of
 * SameSite=Strict). An unknown or revoked token
 * is 401, a token over its rate is 429 with {@code Retry-After}, and so is a client address over its
 * rate of failed authentications ({@code patternscope.auth.failed-rate-limit.*}, 30 a minute, bursts
 * of 20). Health, metrics, the OpenAPI
 * document and the UI's files are not REST resources and stay open.
 */
public class BearerAuthFilter {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokenStore store;
    private final CurrentCaller current;
    private final TokenBuckets buckets;
    private final TokenBuckets failures;

    public BearerAuthFilter(ApiTokenStore store, CurrentCaller current, AuthConfig config) {
        this.store = store;
        this.current = current;
        this.buckets = new TokenBuckets(config.rateLimit().perMinute(), config.rateLimit().burst());
        this.failures = new TokenBuckets(config.failedRateLimit().perMinute(), config.failedRateLimit().burst());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || SessionResource.isLogout(request.getMethod(), path)) {
            return Uni.createFrom().nullItem();
        }
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
            token = header.substring(7).strip();
        } else if (request.getCookies().containsKey(SessionResource.COOKIE) && header == null) {
            token = request.getCookies().get(SessionResource.COOKIE).getValue();
            if (!SAFE_METHODS.contains(request.getMethod()) && request.getHeaderString(SessionResource.CLIENT_HEADER) == null) {
                return Uni.createFrom().item(ErrorResponses.json(403, "a call that changes something with the session cookie needs the "
                        + SessionResource.CLIENT_HEADER + " header").build());
            }
        } else {
            return Uni.createFrom().item(failed(address, "a bearer token is required: Authorization: Bearer <token>"));
        }
        return store.find(token).map(found -> {
            if (found.isEmpty()) {
                return failed(address, "the bearer token is unknown or revoked");
            }
            long wait = buckets.tryAcquire(found.get().tokenId(), System.nanoTime());
            if (wait > 0) {
                return ErrorResponses.json(429, "too many requests for this token; retry in " + wait + " s")
                        .header("Retry-After", wait).build();
            }
            current.set(found.get());
            return null;
        });
    }

    /**
     * A 401, or a 429 once this client address has failed more often than the failed-authentication
     * limit allows (guessing tokens costs time; a valid token from the same address still works).
     */
    private Response failed(String address, String message) {
        long wait = failures.tryAcquire(address, System.nanoTime());
        if (wait > 0) {
            return ErrorResponses.json(429, "too many failed authentications from this address; retry in " + wait + " s")
                    .header("Retry-After", wait).build();
        }
        return unauthorized(message);
    }

    private static Response unauthorized(String message) {
        return ErrorResponses.json(401, message).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"patternscope\"").build();
    }
}
