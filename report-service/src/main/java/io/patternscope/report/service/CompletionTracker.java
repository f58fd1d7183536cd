package io.patternscope.report.service;

import io.patternscope.core.config.ClusterBackends;
import io.patternscope.report.repository.TenantRankingRepository;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchPlanned;
import io.patternscope.core.wire.FetchShard;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.core.wire.StageProgress;
import io.patternscope.core.resilience.Failures;
import io.patternscope.report.mapping.AnalysisMapper;
import io.patternscope.report.repository.AnalysisEntity;
import io.patternscope.report.repository.AnalysisRepository;
import io.patternscope.report.repository.AnalysisRepository.Stage;
import io.patternscope.core.api.AnalysisStatus;
import io.patternscope.core.api.ApiViews;
import io.patternscope.report.repository.SeriesResultEntity;
import io.patternscope.report.repository.ProfileRepository;
import io.patternscope.report.repository.SeriesResultRepository;
import io.patternscope.report.config.ProfilesConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies pipeline events to stored analyses and ends an analysis exactly when its last batch has
 * been classified: {@link FetchPlanned} says how many shards will report, each shard's
 * {@link FetchCompleted} how many batches it published, and every classified batch is recorded
 * once under (analysis, CLASSIFIED, batch). The plan, a shard's end and a lost batch each run in
 * one transaction that first locks the analysis row; a classified batch, nearly all the events, is
 * counted by one statement ({@link AnalysisRepository#recordClassified}) that waits on that lock
 * only for itself. Whichever event completes the counts takes the lock and finishes, once: the
 * locked row says whether another already did. A classified batch's rows are stored just before it
 * is counted, idempotently ({@link SeriesResultRepository#insertAll}).
 */
@ApplicationScoped
public class CompletionTracker implements AnalysisEvents {

    private static final Logger LOG = Logger.getLogger(CompletionTracker.class);

    private final AnalysisRepository analyses;
    private final SeriesResultRepository results;
    private final Transactions tx;
    private final TenantRankingRepository ranking;
    private final ClusterBackends clusters;
    private final ReportBuilder reports = new ReportBuilder();
    private final ComponentSetup components;
    private final ProfileRepository profiles;
    private final ProfilesConfig profilesConfig;
    private final RelevanceService relevance;

    public CompletionTracker(AnalysisRepository analyses, SeriesResultRepository results, Transactions tx,
                             TenantRankingRepository ranking, ClusterBackends clusters, ComponentSetup components,
                             ProfileRepository profiles, ProfilesConfig profilesConfig, RelevanceService relevance) {
        this.components = components;
        this.relevance = relevance;
        this.profiles = profiles;
        this.profilesConfig = profilesConfig;
        this.analyses = analyses;
        this.results = results;
        this.tx = tx;
        this.ranking = ranking;
        this.clusters = clusters;
    }

    @Override
    public void onProgress(StageProgress progress) {
        UUID id = UUID.fromString(progress.analysisId());
        tx.onPool(() -> analyses.recordProgressEvent(id, progress.stage().name(), progress.batchNo(), progress.series()));
    }

    /** The fetch plan: how many shards will report, or why nothing will be fetched. */
    @Override
    public void onFetchPlanned(FetchPlanned plan) {
        UUID id = UUID.fromString(plan.analysisId());
        tx.inTransaction(() -> analyses.lock(id).chain(a -> {
            if (a == null || a.isFinished() || a.shards != null) {
                return Uni.createFrom().voidItem();
            }
            markRunning(a);
            a.shards = plan.shards();
            a.discovered = plan.discovered();
            a.partialReasons = withReasons(a.partialReasons, plan.partialReasons());
            if (plan.failure() != null) {
                a.statusReason = plan.failure();
            }
            return finishIfDone(a);
        }));
    }

    /** One shard's fetch is over: its batch count is recorded once, keyed by (analysis, SHARD, shard). */
    @Override
    public void onFetchCompleted(FetchCompleted done) {
        UUID id = UUID.fromString(done.analysisId());
        tx.inTransaction(() -> analyses.lock(id).chain(a -> {
            if (a == null || a.isFinished()) {
                return Uni.createFrom().voidItem();
            }
            return analyses.recordProgress(id, Stage.SHARD.name(), done.shardNo(), done.batches()).chain(isNew -> {
                if (!isNew) {
                    return Uni.createFrom().voidItem();
                }
                markRunning(a);
                a.shardsReported++;
                a.batchesPlanned += done.batches();
                a.fetched = (a.fetched == null ? 0 : a.fetched) + done.fetched();
                if (a.fetchMethod == null || a.fetchMethod.equals(done.method())) {
                    a.fetchMethod = done.method();
                } else if (!a.fetchMethod.contains(done.method())) {
                    a.fetchMethod = a.fetchMethod + "+" + done.method();
                }
                List<String> reasons = new ArrayList<>(done.partialReasons());
                if (done.failure() != null) {
                    reasons.add(done.failure());
                }
                a.partialReasons = withReasons(a.partialReasons, reasons);
                return finishIfDone(a);
            });
        }));
    }

    /**
     * A classified batch: its rows go in first, idempotently, then one statement counts the batch
     * (no row lock held across round trips, so batches of one analysis are applied side by side);
     * only when the counts say every batch is in does the finishing transaction lock the analysis.
     */
    @Override
    public void onClassified(ScreenedBatch batch) {
        UUID id = UUID.fromString(batch.analysisId());
        List<SeriesResultEntity> rows = new ArrayList<>(batch.series().size());
        for (ScreenedSeries s : batch.series()) {
            rows.add(storable(id, batch.batchNo(), s));
        }
        boolean allCounted = tx.onPool(() -> results.insertAll(rows)
                        .chain(() -> analyses.recordClassified(id, batch.batchNo(), rows.size(), batch.model())))
                .map(AnalysisRepository.CompletionCounts::allCounted).orElse(false);
        if (allCounted) {
            tx.inTransaction(() -> analyses.lock(id).chain(a -> a == null || a.isFinished() ? Uni.createFrom().voidItem()
                    : finishIfDone(a)));
        }
    }

    /**
     * A stage lost a batch (or the whole analysis): the batch counts as done with a reason, so the
     * analysis ends PARTIAL rather than waiting forever; a lost analysis ends FAILED.
     */
    @Override
    public void onBatchFailed(BatchFailed failed) {
        UUID id = UUID.fromString(failed.analysisId());
        tx.inTransaction(() -> analyses.lock(id).chain(a -> {
            if (a == null || a.isFinished()) {
                return Uni.createFrom().voidItem();
            }
            if (failed.batchNo() < 0) {
                a.statusReason = failed.reason();
                a.status = AnalysisStatus.FAILED.name();
                return finishWithReport(a);
            }
            return analyses.recordProgress(id, Stage.CLASSIFIED.name(), failed.batchNo(), 0).chain(isNew -> {
                if (!isNew) {
                    return Uni.createFrom().voidItem();
                }
                a.batchesClassified++;
                a.partialReasons = withReasons(a.partialReasons, List.of(failed.reason()));
                return finishIfDone(a);
            });
        }));
    }

    private static void markRunning(AnalysisEntity a) {
        if (AnalysisStatus.PENDING.name().equals(a.status)) {
            a.status = AnalysisStatus.RUNNING.name();
        }
    }

    private static String withReasons(String storedJson, List<String> more) {
        List<String> all = new ArrayList<>(AnalysisMapper.readList(storedJson));
        all.addAll(more);
        return AnalysisMapper.write(all);
    }

    /**
     * Ends the analysis when every planned shard has reported and each shard's batches are all
     * classified. The counts on the row (kept under its lock) say when that can be; only then do the
     * progress rows confirm it batch by batch, so an event's cost does not grow with the analysis.
     */
    private Uni<Void> finishIfDone(AnalysisEntity a) {
        if (a.shards == null) {
            return Uni.createFrom().voidItem();
        }
        a.totalBatches = a.shardsReported >= a.shards ? a.batchesPlanned : null;
        if (a.shardsReported < a.shards || a.batchesClassified < a.batchesPlanned) {
            return Uni.createFrom().voidItem();
        }
        return analyses.shardsWithBatchesPending(a.id, FetchShard.SHARD_BATCH_SPAN).chain(pending -> {
            if (pending > 0) {
                return Uni.createFrom().voidItem();
            }
            List<String> reasons = AnalysisMapper.readList(a.partialReasons);
            if (a.statusReason != null && (a.fetched == null || a.fetched == 0)) {
                a.status = AnalysisStatus.FAILED.name();
            } else if (!reasons.isEmpty()) {
                a.status = AnalysisStatus.PARTIAL.name();
                a.statusReason = String.join("; ", reasons);
            } else {
                a.status = AnalysisStatus.COMPLETED.name();
            }
            return finishWithReport(a);
        });
    }

    /**
     * Ranks with the settings of the tenant owning the analysis's cluster, leaving out what the
     * tenant's features profiles call normal, then stores the report and the profiles' counts and
     * learnt generations.
     */
    private Uni<Void> finishWithReport(AnalysisEntity a) {
        String tenant = tenantOf(a.cluster);
        return ranking.settings(tenant).chain(settings -> profiles.enabledFor(tenant).chain(enabled -> relevance.forReport(tenant)
                .chain(learnt -> {
            KnownNormal known = new KnownNormal(tenant, enabled, a.id, profilesConfig.matching(), profilesConfig.learning());
            return results.forAnalysis(a.id).chain(rows -> {
                ApiViews.ReportView report = build(a, rows, settings, known, learnt);
                // Stamped once the q-values are in: only the commit of this row is left before the report is readable.
                return results.writeQValues(rows).invoke(() -> {
                    a.completedAt = Instant.now();
                    a.report = AnalysisMapper.write(report.withGeneratedAt(a.completedAt));
                    LOG.infof("analysis %s %s: %d series screened", a.id, a.status, rows.size());
                });
            }).chain(() -> storeProfileOutcomes(known));
        })));
    }

    /** The tenant owning a cluster: the cluster table's, else the cluster's own name. */
    public String tenantOf(String cluster) {
        return clusters.find(cluster).map(io.patternscope.core.config.ClusterBackend::tenant).orElse(cluster);
    }

    private Uni<Void> storeProfileOutcomes(KnownNormal known) {
        List<Long> ids = new java.util.ArrayList<>();
        List<Integer> checks = new java.util.ArrayList<>();
        List<Integer> matches = new java.util.ArrayList<>();
        known.counts().forEach((id, count) -> {
            ids.add(id);
            checks.add(count[0]);
            matches.add(count[1]);
        });
        Uni<Void> stored = profiles.count(ids, checks, matches, Instant.now());
        for (ProfileRepository.NewProfile child : known.learnt()) {
            stored = stored.chain(() -> profiles.insert(child)).replaceWithVoid();
        }
        // Bookkeeping about profiles: its failure must not keep the analysis from ending.
        return stored.onFailure().recoverWithItem(e -> {
            LOG.warnf("features profiles' counts and learnt generations not stored: %s", e.getMessage());
            return null;
        });
    }

    private ApiViews.ReportView build(AnalysisEntity a, List<SeriesResultEntity> rows,
                                      io.patternscope.core.ranking.RankingSettings settings, KnownNormal known, Relevance learnt) {
        a.screened = rows.size();
        return reports.build(a, rows, Instant.now(), settings, components.resolver(a.cluster), components.topology(a.cluster),
                known, learnt);
    }

    /** The row of one series; a series that cannot be mapped is stored as ERROR with the sentence, never failing its batch. */
    static SeriesResultEntity storable(UUID analysisId, int batchNo, ScreenedSeries s) {
        try {
            return toEntity(analysisId, batchNo, s);
        } catch (RuntimeException e) {
            LOG.warnf(e, "analysis %s batch %d: storing series %s failed", analysisId, batchNo, s.id());
            SeriesResultEntity row = new SeriesResultEntity();
            row.analysisId = analysisId;
            row.batchNo = batchNo;
            row.seriesId = s.id() == null ? "(no id)" : withoutNul(s.id());
            row.metric = "";
            row.valueKind = "GAUGE";
            row.status = ScreeningStatus.ERROR.name();
            row.error = "storing the result failed: " + Failures.sentence(e);
            return row;
        }
    }

    private static SeriesResultEntity toEntity(UUID analysisId, int batchNo, ScreenedSeries s) {
        SeriesResultEntity e = new SeriesResultEntity();
        e.analysisId = analysisId;
        e.batchNo = batchNo;
        e.seriesId = withoutNul(s.id());
        Map<String, String> labels = s.labels() == null ? Map.of() : s.labels();
        e.metric = withoutNul(labels.getOrDefault("__name__", ""));
        e.labels = withoutNul(AnalysisMapper.write(labels));
        e.valueKind = s.kind() == null ? "GAUGE" : s.kind().name();
        e.status = s.status().name();
        e.candidate = s.candidate();
        e.ksStatistic = finiteOrNull(s.ksStatistic());
        e.pValue = finiteOrNull(s.pValue());
        e.effectSize = finiteOrNull(s.effectSize());
        e.direction = s.direction();
        e.onsetAt = s.onsetMs() < 0 ? null : Instant.ofEpochMilli(s.onsetMs());
        e.pattern = s.pattern();
        e.confidence = finiteOrNull(s.confidence());
        e.uncertain = s.uncertain();
        e.startMs = s.startMs();
        e.stepMs = s.stepMs();
        e.seriesValues = s.values() == null ? null : AnalysisMapper.write(s.values());
        e.ksPValue = finiteOrNull(s.ksPValue());
        e.detectors = s.detectors() == null || s.detectors().isEmpty() ? null
                : s.detectors().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
        e.recentZ = s.recentRun() > 0 ? finiteOrNull(s.recentZ()) : null;
        e.recentRun = s.recentRun();
        e.discordScore = finiteOrNull(s.discordScore());
        e.reference = s.reference();
        e.referenceNote = s.referenceNote() == null ? null : withoutNul(s.referenceNote());
        e.error = s.error() == null ? null : withoutNul(s.error());
        return e;
    }

    /** PostgreSQL text cannot hold NUL: a label value carrying one is stored with U+FFFD in its place. */
    private static String withoutNul(String text) {
        return text == null || text.indexOf(0) < 0 ? text : text.replace((char) 0, '\uFFFD');
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
