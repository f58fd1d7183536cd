package io.patternscope.report.repository;

import io.patternscope.core.api.ApiViews;
import io.patternscope.core.features.Fingerprint;
import io.patternscope.report.mapping.AnalysisMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Features profiles, straight on the pool: few rows, read whole, changed by small statements. */
@ApplicationScoped
public class ProfileRepository {

    private static final String COLUMNS = "id, tenant, metric, identity, features, scaled_features, value_min, value_max, "
            + "series_values, source_analysis, source_series, learn, generation, parent_id, enabled, validated, layers, checks, "
            + "matches, last_matched_at, created_by, created_at";

    /** One stored profile, with its fingerprint for matching. */
    public record StoredProfile(long id, String tenant, String metric, String identity, Fingerprint fingerprint,
                                String values, UUID sourceAnalysis, String sourceSeries, boolean learn, int generation,
                                Long parentId, boolean enabled, boolean validated, String layers, long checks, long matches,
                                Instant lastMatchedAt, String createdBy, Instant createdAt) {

        public ApiViews.ProfileView view(boolean withValues) {
            return new ApiViews.ProfileView(id, tenant, metric, identity, learn, generation, parentId, enabled, validated,
                    layers == null ? null : AnalysisMapper.read(layers,
                            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }),
                    checks, matches, lastMatchedAt, createdBy, createdAt,
                    sourceAnalysis == null ? null : sourceAnalysis.toString(), sourceSeries,
                    withValues ? AnalysisMapper.readValues(values) : null);
        }
    }

    /** A profile to store. */
    public record NewProfile(String tenant, String metric, String identity, Fingerprint fingerprint, String values,
                             UUID sourceAnalysis, String sourceSeries, boolean learn, int generation, Long parentId,
                             String createdBy) {
    }

    private final Pool pool;

    public ProfileRepository(Pool pool) {
        this.pool = pool;
    }

    /** The tenant's enabled profiles, oldest generation first. */
    public Uni<List<StoredProfile>> enabledFor(String tenant) {
        return list("SELECT " + COLUMNS + " FROM features_profile WHERE tenant = $1 AND enabled ORDER BY generation, id",
                Tuple.of(tenant));
    }

    /** The tenant's profiles, newest first; {@code metric} (a substring of the identity) narrows them when given. */
    public Uni<List<StoredProfile>> search(String tenant, String metric, int limit) {
        return metric == null
                ? list("SELECT " + COLUMNS + " FROM features_profile WHERE tenant = $1 ORDER BY id DESC LIMIT $2",
                        Tuple.of(tenant, limit))
                : list("SELECT " + COLUMNS + " FROM features_profile WHERE tenant = $1 AND strpos(identity, $2) > 0 "
                        + "ORDER BY id DESC LIMIT $3", Tuple.of(tenant, metric, limit));
    }

    public Uni<StoredProfile> find(String tenant, long id) {
        return list("SELECT " + COLUMNS + " FROM features_profile WHERE tenant = $1 AND id = $2", Tuple.of(tenant, id))
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Long> insert(NewProfile p) {
        return insert(pool, p);
    }

    public Uni<Long> insert(SqlClient client, NewProfile p) {
        return client.preparedQuery("INSERT INTO features_profile (tenant, metric, identity, features, scaled_features, "
                        + "value_min, value_max, series_values, source_analysis, source_series, learn, generation, parent_id, "
                        + "created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id")
                .execute(Tuple.from(new Object[] {p.tenant(), p.metric(), p.identity(), boxed(p.fingerprint().features()),
                        boxed(p.fingerprint().scaledFeatures()), p.fingerprint().min(), p.fingerprint().max(), p.values(),
                        p.sourceAnalysis(), p.sourceSeries(), p.learn(), p.generation(), p.parentId(), p.createdBy()}))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Disables the profile and every profile learnt from it, however many generations down; returns how many. */
    public Uni<Integer> disableWithProgeny(SqlClient client, String tenant, long id) {
        return client.preparedQuery("WITH RECURSIVE progeny AS (SELECT id FROM features_profile WHERE tenant = $1 AND id = $2 "
                        + "UNION ALL SELECT p.id FROM features_profile p JOIN progeny ON p.parent_id = progeny.id) "
                        + "UPDATE features_profile SET enabled = false WHERE id IN (SELECT id FROM progeny) AND enabled")
                .execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount());
    }

    public Uni<Integer> enable(String tenant, long id) {
        return pool.preparedQuery("UPDATE features_profile SET enabled = true WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount());
    }

    public Uni<Integer> validate(String tenant, long id) {
        return pool.preparedQuery("UPDATE features_profile SET validated = true WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount());
    }

    public Uni<Integer> setLayers(String tenant, long id, String layers) {
        return pool.preparedQuery("UPDATE features_profile SET layers = $3 WHERE tenant = $1 AND id = $2")
                .execute(Tuple.of(tenant, id, layers)).map(rows -> rows.rowCount());
    }

    /** Adds an analysis's checks and matches to each profile's counts. */
    public Uni<Void> count(List<Long> ids, List<Integer> checks, List<Integer> matches, Instant at) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("UPDATE features_profile f SET checks = f.checks + u.c, matches = f.matches + u.m, "
                        + "last_matched_at = CASE WHEN u.m > 0 THEN $4 ELSE f.last_matched_at END "
                        + "FROM unnest($1::bigint[], $2::int[], $3::int[]) AS u(id, c, m) WHERE f.id = u.id")
                .execute(Tuple.of(ids.toArray(Long[]::new), checks.toArray(Integer[]::new), matches.toArray(Integer[]::new),
                        at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private Uni<List<StoredProfile>> list(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<StoredProfile> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(fromRow(row));
            }
            return out;
        });
    }

    private static StoredProfile fromRow(Row row) {
        OffsetDateTime matched = row.getOffsetDateTime("last_matched_at");
        Fingerprint fingerprint = new Fingerprint(unboxed(row.getArrayOfDoubles("features")),
                unboxed(row.getArrayOfDoubles("scaled_features")), row.getDouble("value_min"), row.getDouble("value_max"));
        return new StoredProfile(row.getLong("id"), row.getString("tenant"), row.getString("metric"), row.getString("identity"),
                fingerprint, row.getString("series_values"), row.getUUID("source_analysis"), row.getString("source_series"),
                row.getBoolean("learn"), row.getInteger("generation"), row.getLong("parent_id"), row.getBoolean("enabled"),
                row.getBoolean("validated"), row.getString("layers"), row.getLong("checks"), row.getLong("matches"),
                matched == null ? null : matched.toInstant(), row.getString("created_by"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double[] unboxed(Double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
