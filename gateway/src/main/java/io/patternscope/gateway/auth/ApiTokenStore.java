package io.patternscope.gateway.auth;

import io.patternscope.gateway.config.AuthConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Looks presented tokens up by digest in PostgreSQL (table {@code gateway.api_token}, written by
 * {@code ./patternscope token}), without blocking the event loop. Answers are cached briefly, so a
 * busy UI costs no query per request; a revoked token stops working within {@code cache-ttl}.
 */
@ApplicationScoped
public class ApiTokenStore {

    private static final int MAX_CACHED = 10_000;

    private record Cached(Optional<Caller> caller, long expiresAt) {
    }

    private final Pool pool;
    private final TenantDirectory tenants;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiTokenStore(Pool pool, TenantDirectory tenants,
                         AuthConfig config) {
        this.pool = pool;
        this.tenants = tenants;
        this.ttlNanos = config.cacheTtl().toNanos();
    }

    public Uni<Optional<Caller>> find(String token) {
        String digest = ApiTokens.sha256Hex(token);
        long now = System.nanoTime();
        Cached hit = cache.get(digest);
        if (hit != null && hit.expiresAt() - now > 0) {
            return Uni.createFrom().item(hit.caller());
        }
        return pool.preparedQuery("SELECT id, name, tenants FROM gateway.api_token WHERE token_sha256 = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(digest))
                .map(rows -> {
                    Optional<Caller> caller = Optional.empty();
                    for (Row row : rows) {
                        Set<String> owned = Arrays.stream(row.getString("tenants").split(",")).map(String::strip)
                                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
                        caller = Optional.of(new Caller(row.getUUID("id").toString(), row.getString("name"), owned,
                                tenants.scopeOf(owned)));
                    }
                    if (cache.size() > MAX_CACHED) {
                        cache.clear();
                    }
                    cache.put(digest, new Cached(caller, now + ttlNanos));
                    return caller;
                });
    }
}
