package io.patternscope.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The series results. Writes take the direct path: one pipelined batch insert per classified batch
 * (idempotent by the (analysis, series) key, so a redelivered batch adds nothing) and one set-based
 * update of the q-values at the end, instead of an entity per row and a rewrite of each.
 */
@ApplicationScoped
public class SeriesResultRepository implements PanacheRepositoryBase<SeriesResultEntity, Long> {

    /** A batch's rows in one statement (arrays, one per column), unless the analysis is gone or has ended. */
    private static final String INSERT = "INSERT INTO series_result (id, analysis_id, batch_no, series_id, metric, labels, "
            + "value_kind, status, candidate, ks_statistic, p_value, effect_size, direction, onset_at, pattern, confidence, "
            + "start_ms, step_ms, series_values, uncertain, ks_p_value, detectors, recent_z, recent_run, error, "
            + "discord_score, reference, reference_note) SELECT nextval('series_result_seq'), $1, $2, u.* FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], "
            + "$7::text[], $8::boolean[], $9::float8[], $10::float8[], $11::float8[], $12::int[], $13::timestamptz[], $14::text[], "
            + "$15::float8[], $16::bigint[], $17::bigint[], $18::text[], $19::boolean[], $20::float8[], $21::text[], "
            + "$22::float8[], $23::int[], $24::text[], $25::float8[], $26::text[], $27::text[]) AS u "
            + "WHERE EXISTS (SELECT 1 FROM analysis a WHERE a.id = $1 AND a.completed_at IS NULL) "
            + "ON CONFLICT (analysis_id, series_id) DO NOTHING";

    private static final String COLUMNS = "id, analysis_id, batch_no, series_id, metric, labels, value_kind, status, candidate, "
            + "ks_statistic, p_value, q_value, effect_size, direction, onset_at, pattern, confidence, uncertain, start_ms, step_ms, "
            + "series_values, ks_p_value, detectors, recent_z, recent_run, error, discord_score, reference, reference_note";

    @Inject
    Pool pool;

    /**
     * Every row of an analysis, read straight from the pool into detached holders: building the
     * report reads them all and changes none of them through a session.
     */
    public Uni<List<SeriesResultEntity>> forAnalysis(UUID analysisId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM series_result WHERE analysis_id = $1 ORDER BY id")
                .execute(Tuple.of(analysisId)).map(rows -> {
                    List<SeriesResultEntity> out = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        out.add(fromRow(row));
                    }
                    return out;
                });
    }

    /** The rows of these series of an analysis (those that exist). */
    public Uni<List<SeriesResultEntity>> find(UUID analysisId, List<String> seriesIds) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM series_result WHERE analysis_id = $1 AND series_id = ANY($2) "
                        + "ORDER BY id")
                .execute(Tuple.of(analysisId, seriesIds.toArray(String[]::new))).map(rows -> {
                    List<SeriesResultEntity> out = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        out.add(fromRow(row));
                    }
                    return out;
                });
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
        int n = rows.size();
        String[] seriesId = new String[n];
        String[] metric = new String[n];
        String[] labels = new String[n];
        String[] kind = new String[n];
        String[] status = new String[n];
        Boolean[] candidate = new Boolean[n];
        Double[] ks = new Double[n];
        Double[] p = new Double[n];
        Double[] effect = new Double[n];
        Integer[] direction = new Integer[n];
        OffsetDateTime[] onset = new OffsetDateTime[n];
        String[] pattern = new String[n];
        Double[] confidence = new Double[n];
        Long[] start = new Long[n];
        Long[] step = new Long[n];
        String[] values = new String[n];
        Boolean[] uncertain = new Boolean[n];
        Double[] ksP = new Double[n];
        String[] detectors = new String[n];
        Double[] recentZ = new Double[n];
        Integer[] recentRun = new Integer[n];
        String[] error = new String[n];
        Double[] discord = new Double[n];
        String[] reference = new String[n];
        String[] referenceNote = new String[n];
        for (int i = 0; i < n; i++) {
            SeriesResultEntity r = rows.get(i);
            seriesId[i] = r.seriesId;
            metric[i] = r.metric;
            labels[i] = r.labels;
            kind[i] = r.valueKind;
            status[i] = r.status;
            candidate[i] = r.candidate;
            ks[i] = r.ksStatistic;
            p[i] = r.pValue;
            effect[i] = r.effectSize;
            direction[i] = r.direction;
            onset[i] = r.onsetAt == null ? null : r.onsetAt.atOffset(ZoneOffset.UTC);
            pattern[i] = r.pattern;
            confidence[i] = r.confidence;
            start[i] = r.startMs;
            step[i] = r.stepMs;
            values[i] = r.seriesValues;
            uncertain[i] = r.uncertain;
            ksP[i] = r.ksPValue;
            detectors[i] = r.detectors;
            recentZ[i] = r.recentZ;
            recentRun[i] = r.recentRun;
            error[i] = r.error;
            discord[i] = r.discordScore;
            reference[i] = r.reference;
            referenceNote[i] = r.referenceNote;
        }
        SeriesResultEntity first = rows.get(0);
        return pool.preparedQuery(INSERT).execute(Tuple.from(new Object[] {first.analysisId, first.batchNo, seriesId, metric,
                labels, kind, status, candidate, ks, p, effect, direction, onset, pattern, confidence, start, step, values,
                uncertain, ksP, detectors, recentZ, recentRun, error, discord, reference, referenceNote})).replaceWithVoid();
    }

    /** By position in {@link #COLUMNS}: a lookup by name costs more than the rest of the row. */
    private static SeriesResultEntity fromRow(Row row) {
        SeriesResultEntity e = new SeriesResultEntity();
        e.id = row.getLong(0);
        e.analysisId = row.getUUID(1);
        e.batchNo = row.getInteger(2);
        e.seriesId = row.getString(3);
        e.metric = row.getString(4);
        e.labels = row.getString(5);
        e.valueKind = row.getString(6);
        e.status = row.getString(7);
        e.candidate = row.getBoolean(8);
        e.ksStatistic = row.getDouble(9);
        e.pValue = row.getDouble(10);
        e.qValue = row.getDouble(11);
        e.effectSize = row.getDouble(12);
        e.direction = row.getInteger(13);
        OffsetDateTime onset = row.getOffsetDateTime(14);
        e.onsetAt = onset == null ? null : onset.toInstant();
        e.pattern = row.getString(15);
        e.confidence = row.getDouble(16);
        e.uncertain = Boolean.TRUE.equals(row.getBoolean(17));
        e.startMs = row.getLong(18);
        e.stepMs = row.getLong(19);
        e.seriesValues = row.getString(20);
        e.ksPValue = row.getDouble(21);
        e.detectors = row.getString(22);
        e.recentZ = row.getDouble(23);
        e.recentRun = row.getInteger(24) == null ? 0 : row.getInteger(24);
        e.error = row.getString(25);
        e.discordScore = row.getDouble(26);
        e.reference = row.getString(27);
        e.referenceNote = row.getString(28);
        return e;
    }

    /** Writes every row's q-value in one statement (rows without a p-value keep their null). */
    public Uni<Void> writeQValues(List<SeriesResultEntity> rows) {
        List<SeriesResultEntity> valued = rows.stream().filter(r -> r.qValue != null).toList();
        Long[] ids = new Long[valued.size()];
        Double[] q = new Double[valued.size()];
        for (int i = 0; i < valued.size(); i++) {
            ids[i] = valued.get(i).id;
            q[i] = valued.get(i).qValue;
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
            query.append(" AND ((qValue <= :q AND abs(effectSize) >= :effect) OR detectors LIKE '%DISCORD%')");
            params.and("q", fdrLevel).and("effect", minEffect);
        }
        return new Filter(query.toString(), params);
    }

    public Uni<SeriesResultEntity> find(UUID analysisId, String seriesId) {
        return find("analysisId = ?1 AND seriesId = ?2", analysisId, seriesId).firstResult();
    }
}
