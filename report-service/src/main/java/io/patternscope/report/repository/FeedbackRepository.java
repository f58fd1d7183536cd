package io.patternscope.report.repository;

import io.patternscope.core.api.ApiViews;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Operators' feedback on findings: the last word on a series is current, earlier ones are history. */
@ApplicationScoped
public class FeedbackRepository {

    /** One word on one series, with what the finding was when it was said. */
    public record NewFeedback(String tenant, UUID analysisId, String cluster, Integer group, String verdict,
                              String rightPattern, String comment, String author, SeriesResultEntity finding) {
    }

    private static final String COLUMNS = "id, analysis_id, series_id, group_rank, verdict, right_pattern, comment, author, "
            + "created_at, profile_id, superseded_at";

    private final Pool pool;

    public FeedbackRepository(Pool pool) {
        this.pool = pool;
    }

    /** Supersedes the series' current feedback and stores this one; returns its id. */
    public Uni<Long> record(SqlClient client, NewFeedback f, Long profileId) {
        SeriesResultEntity r = f.finding();
        return client.preparedQuery("UPDATE feedback SET superseded_at = now() WHERE analysis_id = $1 AND series_id = $2 "
                        + "AND superseded_at IS NULL").execute(Tuple.of(f.analysisId(), r.seriesId))
                .chain(() -> client.preparedQuery("INSERT INTO feedback (tenant, analysis_id, cluster, series_id, group_rank, "
                                + "verdict, right_pattern, comment, author, metric, labels, start_ms, step_ms, series_values, "
                                + "ks_statistic, p_value, effect_size, direction, onset_at, pattern, confidence, detectors, "
                                + "profile_id, uncertain) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
                                + "$16, $17, $18, $19, $20, $21, $22, $23, $24) RETURNING id")
                        .execute(Tuple.from(new Object[] {f.tenant(), f.analysisId(), f.cluster(), r.seriesId, f.group(),
                                f.verdict(), f.rightPattern(), f.comment(), f.author(), r.metric, r.labels, r.startMs, r.stepMs,
                                r.seriesValues, r.ksStatistic, r.pValue, r.effectSize, r.direction,
                                r.onsetAt == null ? null : r.onsetAt.atOffset(ZoneOffset.UTC), r.pattern, r.confidence,
                                r.detectors, profileId, r.uncertain})))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Supersedes the series' current feedback without a new word; returns the profile it had made, if any (-1: none current). */
    public Uni<Long> undo(SqlClient client, UUID analysisId, String seriesId) {
        return client.preparedQuery("UPDATE feedback SET superseded_at = now() WHERE analysis_id = $1 AND series_id = $2 "
                        + "AND superseded_at IS NULL RETURNING profile_id").execute(Tuple.of(analysisId, seriesId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return -1L;
                    }
                    Long profile = rows.iterator().next().getLong("profile_id");
                    return profile == null ? 0L : profile;
                });
    }

    /** An analysis's feedback, oldest first; only the current words unless {@code history}. */
    public Uni<List<ApiViews.FeedbackView>> forAnalysis(UUID analysisId, boolean history) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM feedback WHERE analysis_id = $1"
                        + (history ? "" : " AND superseded_at IS NULL") + " ORDER BY id")
                .execute(Tuple.of(analysisId)).map(rows -> {
                    List<ApiViews.FeedbackView> out = new ArrayList<>();
                    for (Row row : rows) {
                        OffsetDateTime at = row.getOffsetDateTime("created_at");
                        out.add(new ApiViews.FeedbackView(row.getLong("id"), row.getUUID("analysis_id").toString(),
                                row.getString("series_id"), row.getInteger("group_rank"), row.getString("verdict"),
                                row.getString("right_pattern"), row.getString("comment"), row.getString("author"),
                                at.toInstant(), row.getLong("profile_id"), row.getOffsetDateTime("superseded_at") == null));
                    }
                    return out;
                });
    }
}
