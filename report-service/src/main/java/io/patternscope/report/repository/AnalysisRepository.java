package io.patternscope.report.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Analyses plus the progress counters kept beside them. */
@ApplicationScoped
public class AnalysisRepository implements PanacheRepositoryBase<AnalysisEntity, UUID> {

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /** Row lock: events of one analysis are applied one at a time, whichever replica gets them. */
    public Uni<AnalysisEntity> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * A progress event on the direct path, one statement and no session (they are most of the
     * events): the contribution is recorded once, and a PENDING analysis becomes RUNNING. An
     * unknown or deleted analysis records nothing.
     */
    public Uni<Void> recordProgressEvent(UUID id, String stage, int batchNo, int series) {
        return pool.preparedQuery("WITH recorded AS (INSERT INTO stage_progress (analysis_id, stage, batch_no, series) "
                        + "SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM analysis WHERE id = $1) ON CONFLICT DO NOTHING) "
                        + "UPDATE analysis SET status = 'RUNNING' WHERE id = $1 AND status = 'PENDING'")
                .execute(Tuple.of(id, stage, batchNo, series)).replaceWithVoid();
    }

    /**
     * A classified batch counted on the direct path, one statement and no session: its progress row
     * is recorded once and, only when it is new, the analysis's classified count goes up (the
     * statement's own row lock makes concurrent counts add up). Returns the completion counts after
     * it, whether or not the batch was new, so a redelivered last batch still finds the analysis
     * done; empty when the analysis is unknown or has ended.
     */
    public Uni<java.util.Optional<CompletionCounts>> recordClassified(UUID id, int batchNo, int series, String model) {
        return pool.preparedQuery("WITH recorded AS (INSERT INTO stage_progress (analysis_id, stage, batch_no, series) "
                        + "SELECT $1, 'CLASSIFIED', $2, $3 WHERE EXISTS (SELECT 1 FROM analysis WHERE id = $1 AND completed_at IS NULL) "
                        + "ON CONFLICT DO NOTHING RETURNING 1), "
                        + "counted AS (UPDATE analysis SET batches_classified = batches_classified + 1, model = coalesce($4, model), "
                        + "status = CASE WHEN status = 'PENDING' THEN 'RUNNING' ELSE status END "
                        + "WHERE id = $1 AND completed_at IS NULL AND EXISTS (SELECT 1 FROM recorded) "
                        + "RETURNING shards, shards_reported, batches_planned, batches_classified) "
                        + "SELECT * FROM counted UNION ALL SELECT shards, shards_reported, batches_planned, batches_classified "
                        + "FROM analysis WHERE id = $1 AND completed_at IS NULL AND NOT EXISTS (SELECT 1 FROM counted)")
                .execute(Tuple.of(id, batchNo, series, model)).map(rows -> {
                    for (io.vertx.mutiny.sqlclient.Row row : rows) {
                        return java.util.Optional.of(new CompletionCounts(row.getInteger(0), row.getInteger(1), row.getInteger(2),
                                row.getInteger(3)));
                    }
                    return java.util.Optional.empty();
                });
    }

    /** The counts that say when an analysis can end ({@code shards} null: the plan has not come yet). */
    public record CompletionCounts(Integer shards, int shardsReported, int batchesPlanned, int batchesClassified) {

        /** Every planned shard has reported and as many batches are classified as they published. */
        public boolean allCounted() {
            return shards != null && shardsReported >= shards && batchesClassified >= batchesPlanned;
        }
    }

    /** Records a progress contribution once; returns true if it was new. */
    public Uni<Boolean> recordProgress(UUID id, String stage, int batchNo, int series) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO stage_progress (analysis_id, stage, batch_no, series) VALUES (:id, :stage, :batch, :series) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter("id", id).setParameter("stage", stage).setParameter("batch", batchNo)
                .setParameter("series", series).executeUpdate()).map(rows -> rows > 0);
    }

    public Uni<Map<Stage, long[]>> progress(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT stage, count(*), coalesce(sum(series), 0) FROM stage_progress WHERE analysis_id = :id GROUP BY stage",
                        Object[].class)
                .setParameter("id", id).getResultList()).map(rows -> {
                    Map<Stage, long[]> out = new EnumMap<>(Stage.class);
                    for (Object[] row : rows) {
                        out.put(Stage.valueOf((String) row[0]),
                                new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
                    }
                    return out;
                });
    }

    /**
     * Shards that have reported but whose batches are not all classified yet; a shard's batches are
     * numbered from {@code shard × span} (FetchShard.SHARD_BATCH_SPAN) and its SHARD row holds their count.
     */
    public Uni<Long> shardsWithBatchesPending(UUID id, int span) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT count(*) FROM stage_progress s WHERE s.analysis_id = :id AND s.stage = 'SHARD' AND s.series > "
                                + "(SELECT count(*) FROM stage_progress c WHERE c.analysis_id = :id AND c.stage = 'CLASSIFIED' "
                                + "AND c.batch_no >= s.batch_no * :span AND c.batch_no < s.batch_no * :span + s.series)",
                        Long.class)
                .setParameter("id", id).setParameter("span", span).getSingleResult());
    }

    /** The progress counters of several analyses in one query (those with none are absent). */
    public Uni<Map<UUID, Map<Stage, long[]>>> progressOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT analysis_id, stage, count(*), coalesce(sum(series), 0) FROM stage_progress "
                                + "WHERE analysis_id IN (:ids) GROUP BY analysis_id, stage", Object[].class)
                .setParameter("ids", ids).getResultList()).map(rows -> {
                    Map<UUID, Map<Stage, long[]>> out = new java.util.HashMap<>();
                    for (Object[] row : rows) {
                        out.computeIfAbsent((UUID) row[0], k -> new EnumMap<>(Stage.class)).put(Stage.valueOf((String) row[1]),
                                new long[] {((Number) row[2]).longValue(), ((Number) row[3]).longValue()});
                    }
                    return out;
                });
    }

    /**
     * Deletes ended analyses created before {@code cutoff} (series results and progress go with them,
     * by the foreign keys' cascade), at most {@code limit} at a time; returns how many.
     */
    public Uni<Integer> deleteEndedBefore(Instant cutoff, int limit) {
        return pool.preparedQuery("DELETE FROM analysis WHERE id IN (SELECT id FROM analysis WHERE completed_at IS NOT NULL "
                        + "AND created_at < $1 ORDER BY created_at LIMIT $2)")
                .execute(Tuple.of(java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC), limit))
                .map(rows -> rows.rowCount());
    }

    /** Unfinished analyses whose last progress (or creation, if none) is older than {@code cutoff}. */
    public Uni<List<UUID>> stalledSince(Instant cutoff) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT a.id FROM analysis a WHERE a.status IN ('PENDING', 'RUNNING') AND greatest(a.created_at, "
                                + "coalesce((SELECT max(p.recorded_at) FROM stage_progress p WHERE p.analysis_id = a.id), "
                                + "a.created_at)) < :cutoff", UUID.class)
                .setParameter("cutoff", java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC)).getResultList());
    }

    /** {@code visible}: the only clusters to return (null: all). */
    public Uni<List<AnalysisEntity>> search(java.util.Set<String> visible, String cluster, String alert, Instant from,
                                            Instant to, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (visible != null) {
            if (visible.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            query.append(" AND cluster IN :visible");
            params.and("visible", visible);
        }
        if (cluster != null) {
            query.append(" AND cluster = :cluster");
            params.and("cluster", cluster);
        }
        if (alert != null) {
            query.append(" AND lower(alertName) LIKE :alert");
            params.and("alert", "%" + alert.toLowerCase() + "%");
        }
        if (from != null) {
            query.append(" AND createdAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            query.append(" AND createdAt < :to");
            params.and("to", to);
        }
        return find(query.toString(), Sort.descending("createdAt"), params).page(Page.of(page, size)).list();
    }

    /** Progress stages, mirrored from the wire enum so the database keeps plain names. */
    public enum Stage { DISCOVERED, FETCHED, SCREENED, CLASSIFIED, SHARD }
}
