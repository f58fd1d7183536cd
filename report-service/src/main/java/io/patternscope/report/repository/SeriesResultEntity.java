package io.patternscope.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The screening (and classification) result of one series of one analysis. Rows are written by
 * {@link SeriesResultRepository#insertAll} in SQL (ids from {@code series_result_seq}); the entity
 * serves the paged reads.
 */
@Entity
@Table(name = "series_result")
public class SeriesResultEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "analysis_id")
    public UUID analysisId;
    @Column(name = "batch_no")
    public int batchNo;
    @Column(name = "series_id")
    public String seriesId;
    public String metric;
    public String labels;
    @Column(name = "value_kind")
    public String valueKind;
    public String status;
    public boolean candidate;
    @Column(name = "ks_statistic")
    public Double ksStatistic;
    @Column(name = "p_value")
    public Double pValue;
    @Column(name = "q_value")
    public Double qValue;
    @Column(name = "effect_size")
    public Double effectSize;
    public int direction;
    @Column(name = "onset_at")
    public Instant onsetAt;
    public String pattern;
    public Double confidence;
    /** The classifier flagged the pattern uncertain (confidence below its model's level). */
    public boolean uncertain;
    @Column(name = "start_ms")
    public long startMs;
    @Column(name = "step_ms")
    public long stepMs;
    @Column(name = "series_values")
    public String seriesValues;
    /** The KS test's own p-value; {@link #pValue} is the one Benjamini–Hochberg reads (over every detector). */
    @Column(name = "ks_p_value")
    public Double ksPValue;
    /** The detectors that fired, comma-separated (null: none). */
    public String detectors;
    @Column(name = "recent_z")
    public Double recentZ;
    @Column(name = "recent_run")
    public int recentRun;
    @Column(name = "discord_score")
    public Double discordScore;
    /** What the test window was compared with: PRECEDING, DAILY or WEEKLY. */
    @Column(name = "reference")
    public String reference;
    /** Why an asked-for seasonal reference was not the one used. */
    @Column(name = "reference_note")
    public String referenceNote;
    /** Why this series' screening or classification failed (null: it did not). */
    public String error;
}
