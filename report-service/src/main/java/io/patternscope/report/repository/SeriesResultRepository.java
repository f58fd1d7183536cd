package io.patternscope.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The series results. Writes take the direct path: one pipelined batch insert per classified batch
 * (idempotent by the (analysis, series) key, so a redelivered batch adds nothing) and one set-based
 * update of the q-values at the end, instead of an entity per row and a rewrite of each.
 */
@ApplicationScoped
public class SeriesResultRepository implements PanacheRepositoryBase<SeriesResultEntity, Long> {

    /** One row, unless the analysis is gone or has ended, or the row is already there. */
    private static final String INSERT = "INSERT INTO series_result (id, analysis_id, batch_no, series_id, metric, labels, "
            + "value_kind, status, candidate, ks_statistic, p_value, effect_size, direction, onset_at, pattern, confidence, "
            + "start_ms, step_ms, series_values, uncertain, ks_p_value, detectors, recent_z, recent_run, error) "
            + "SELECT nextval('series_result_seq'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
            + "$18, $19, $20, $21, $22, $23, $24 WHERE EXISTS (SELECT 1 FROM analysis a WHERE a.id = $1 AND a.completed_at IS NULL) "
            + "ON CONFLICT (analysis_id, series_id) DO NOTHING";

    @Inject
    Pool pool;

    /** Every row of an analysis, read-only: building the report changes none of them through the session. */
    public Uni<List<SeriesResultEntity>> forAnalysis(UUID analysisId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "FROM SeriesResultEntity WHERE analysisId = :id", SeriesResultEntity.class)
                .setParameter("id", analysisId).setReadOnly(true).getResultList());
    }

    /**
     * Stores a batch's rows on its own connection, before the event's transaction locks the analysis
     * (the foreign-key check would wait on that lock). Rows already stored (a redelivered batch) are
     * left alone, and an ended or deleted analysis gets none.
     */
    public Uni<Void> insertAll(List<SeriesResultEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = new ArrayList<>(rows.size());
        for (SeriesResultEntity r : rows) {
            tuples.add(Tuple.from(Arrays.asList(r.analysisId, r.batchNo, r.seriesId, r.metric, r.labels, r.valueKind,
                    r.status, r.candidate, r.ksStatistic, r.pValue, r.effectSize, r.direction,
                    r.onsetAt == null ? null : r.onsetAt.atOffset(ZoneOffset.UTC), r.pattern, r.confidence, r.startMs,
                    r.stepMs, r.seriesValues, r.uncertain, r.ksPValue, r.detectors, r.recentZ, r.recentRun, r.error)));
        }
        return pool.preparedQuery(INSERT).executeBatch(tuples).replaceWithVoid();
    }

    /** Writes every row's q-value in one statement (null where the series had no p-value). */
    public Uni<Void> writeQValues(List<SeriesResultEntity> rows) {
        Long[] ids = new Long[rows.size()];
        Double[] q = new Double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ids[i] = rows.get(i).id;
            q[i] = rows.get(i).qValue;
        }
        return pool.preparedQuery("UPDATE series_result s SET q_value = u.q FROM unnest($1::bigint[], $2::float8[]) AS u(id, q) "
                + "WHERE s.id = u.id").execute(Tuple.of(ids, q)).replaceWithVoid();
    }

    /**
     * One page of an analysis's series, optionally only one status, or only the changed ones
     * (q ≤ the analysis's level and |effect| ≥ its minimum), most significant first.
     */
    public Uni<List<SeriesResultEntity>> page(UUID analysisId, String status, Double fdrLevel, Double minEffect,
                                              int page, int size) {
        Filter filter = filter(analysisId, status, fdrLevel, minEffect);
        return find(filter.query() + " ORDER BY pValue ASC NULLS LAST, seriesId", filter.params())
                .page(io.quarkus.panache.common.Page.of(page, size)).list();
    }

    /** How many series {@link #page} pages through. */
    public Uni<Long> countMatching(UUID analysisId, String status, Double fdrLevel, Double minEffect) {
        Filter filter = filter(analysisId, status, fdrLevel, minEffect);
        return count(filter.query(), filter.params());
    }

    private record Filter(String query, io.quarkus.panache.common.Parameters params) {
    }

    private static Filter filter(UUID analysisId, String status, Double fdrLevel, Double minEffect) {
        StringBuilder query = new StringBuilder("analysisId = :id");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("id", analysisId);
        if (status != null) {
            query.append(" AND status = :status");
            params.and("status", status);
        }
        if (fdrLevel != null) {
            query.append(" AND qValue <= :q AND abs(effectSize) >= :effect");
            params.and("q", fdrLevel).and("effect", minEffect);
        }
        return new Filter(query.toString(), params);
    }

    public Uni<SeriesResultEntity> find(UUID analysisId, String seriesId) {
        return find("analysisId = ?1 AND seriesId = ?2", analysisId, seriesId).firstResult();
    }
}
