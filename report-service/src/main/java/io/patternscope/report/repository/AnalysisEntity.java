package io.patternscope.report.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.patternscope.core.api.AnalysisStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One analysis and, once it has ended, its report (JSON text). Never sent on the wire as is. */
@Entity
@Table(name = "analysis")
public class AnalysisEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String cluster;
    @Column(name = "alert_name")
    public String alertName;
    @Column(name = "alert_labels")
    public String alertLabels;
    @Column(name = "alert_at")
    public Instant alertAt;
    @Column(name = "window_start")
    public Instant windowStart;
    @Column(name = "test_start")
    public Instant testStart;
    @Column(name = "window_end")
    public Instant windowEnd;
    @Column(name = "step_ms")
    public long stepMs;
    public String selectors;
    public String excludes;
    @Column(name = "fdr_level")
    public double fdrLevel;
    @Column(name = "min_effect_size")
    public double minEffectSize;
    /** The discord score that makes a finding alone; null: none does. */
    @Column(name = "discord_threshold")
    public Double discordThreshold;
    /** PRECEDING, DAILY, WEEKLY or AUTO; null: PRECEDING. */
    @Column(name = "reference")
    public String reference;
    @Column(name = "max_series")
    public int maxSeries;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "fetch_method")
    public String fetchMethod;
    /** Shards the fetch was planned in; null until planned. */
    public Integer shards;
    @Column(name = "total_batches")
    public Integer totalBatches;
    /** Shards whose fetch-completed was applied (V9). */
    @Column(name = "shards_reported")
    public int shardsReported;
    /** Batches those shards published (V9). */
    @Column(name = "batches_planned")
    public int batchesPlanned;
    /** Batches classified or given up, each counted once (V9). */
    @Column(name = "batches_classified")
    public int batchesClassified;
    public Integer discovered;
    public Integer fetched;
    /** Series with a stored verdict when the analysis ended (null while it runs). */
    public Integer screened;
    @Column(name = "partial_reasons")
    public String partialReasons;
    public String model;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    public String report;

    public boolean isFinished() {
        return AnalysisStatus.valueOf(status).finished();
    }
}
