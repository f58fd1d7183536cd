package io.patternscope.report.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Labels for a tenant's relevance model (its operators' current feedback), its settings and thresholds. */
@ApplicationScoped
public class RelevanceRepository {

    /** A labelled finding: the verdict and what the finding was; test window bounds when its analysis still exists. */
    public record LabelRow(long feedbackId, String analysisId, String verdict, Double ksStatistic, Double pValue,
                           Double effectSize, OffsetDateTime onsetAt, String pattern, Double confidence, boolean uncertain,
                           String detectors, OffsetDateTime testStart, OffsetDateTime windowEnd,
                           Double changedBefore, Double changedMore) {
    }

    /** A tenant's relevance settings. */
    public record Settings(String tenant, boolean enabled, double precision, double recall, int minLabels) {

        public static Settings defaults(String tenant) {
            return new Settings(tenant, true, 0.66, 0.66, 30);
        }
    }

    private final Pool pool;

    public RelevanceRepository(Pool pool) {
        this.pool = pool;
    }

    /** The tenant's current words that say relevant (ROOT_CAUSE, SYMPTOM) or not (NOT_ANOMALOUS). */
    public Uni<List<LabelRow>> labels(String tenant) {
        return pool.preparedQuery("SELECT f.id, f.analysis_id, f.verdict, f.ks_statistic, f.p_value, f.effect_size, f.onset_at, "
                        + "f.pattern, f.confidence, f.uncertain, f.detectors, a.test_start, a.window_end, "
                        // Where the finding stood among its analysis's changed series, while the analysis is kept.
                        + "(SELECT count(*) FILTER (WHERE s.onset_at < f.onset_at)::float8 / NULLIF(count(*) FILTER (WHERE s.onset_at "
                        + "IS NOT NULL), 0) FROM series_result s WHERE s.analysis_id = f.analysis_id AND s.candidate) AS changed_before, "
                        + "(SELECT count(*) FILTER (WHERE abs(s.effect_size) > abs(f.effect_size))::float8 / NULLIF(count(*) "
                        + "FILTER (WHERE s.effect_size IS NOT NULL), 0) FROM series_result s WHERE s.analysis_id = f.analysis_id "
                        + "AND s.candidate) AS changed_more FROM feedback f "
                        + "LEFT JOIN analysis a ON a.id = f.analysis_id WHERE f.tenant = $1 AND f.superseded_at IS NULL "
                        + "AND f.verdict IN ('ROOT_CAUSE', 'SYMPTOM', 'NOT_ANOMALOUS') ORDER BY f.id")
                .execute(Tuple.of(tenant)).map(rows -> {
                    List<LabelRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new LabelRow(r.getLong("id"), r.getUUID("analysis_id").toString(), r.getString("verdict"),
                                r.getDouble("ks_statistic"), r.getDouble("p_value"), r.getDouble("effect_size"),
                                r.getOffsetDateTime("onset_at"), r.getString("pattern"), r.getDouble("confidence"),
                                Boolean.TRUE.equals(r.getBoolean("uncertain")), r.getString("detectors"),
                                r.getOffsetDateTime("test_start"), r.getOffsetDateTime("window_end"),
                                r.getDouble("changed_before"), r.getDouble("changed_more")));
                    }
                    return out;
                });
    }

    /** What identifies the tenant's current labels: their count and newest id. */
    public Uni<String> labelsVersion(String tenant) {
        return pool.preparedQuery("SELECT count(*) AS n, coalesce(max(id), 0) AS newest FROM feedback WHERE tenant = $1 "
                        + "AND superseded_at IS NULL AND verdict IN ('ROOT_CAUSE', 'SYMPTOM', 'NOT_ANOMALOUS')")
                .execute(Tuple.of(tenant)).map(rows -> {
                    Row r = rows.iterator().next();
                    return r.getLong("n") + ":" + r.getLong("newest");
                });
    }

    public Uni<Settings> settings(String tenant) {
        return pool.preparedQuery("SELECT enabled, precision_target, recall_target, min_labels FROM tenant_relevance WHERE tenant = $1")
                .execute(Tuple.of(tenant)).map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Settings.defaults(tenant);
                    }
                    Row r = rows.iterator().next();
                    return new Settings(tenant, r.getBoolean("enabled"), r.getDouble("precision_target"),
                            r.getDouble("recall_target"), r.getInteger("min_labels"));
                });
    }

    public Uni<Settings> save(Settings s) {
        return pool.preparedQuery("INSERT INTO tenant_relevance (tenant, enabled, precision_target, recall_target, min_labels) "
                        + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant) DO UPDATE SET enabled = $2, precision_target = $3, "
                        + "recall_target = $4, min_labels = $5, updated_at = now()")
                .execute(Tuple.of(s.tenant(), s.enabled(), s.precision(), s.recall(), s.minLabels())).replaceWith(s);
    }

    /** The newest predicted threshold, or null before the first model. */
    public Uni<Double> lastPrediction(String tenant) {
        return pool.preparedQuery("SELECT predicted FROM relevance_threshold WHERE tenant = $1 ORDER BY id DESC LIMIT 1")
                .execute(Tuple.of(tenant)).map(rows -> rows.rowCount() == 0 ? null : rows.iterator().next().getDouble("predicted"));
    }

    public Uni<Void> recordThreshold(String tenant, int labels, double best, double predicted) {
        return pool.preparedQuery("INSERT INTO relevance_threshold (tenant, labels, best, predicted) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(tenant, labels, best, predicted)).replaceWithVoid();
    }
}
