package io.patternscope.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the HTTP API returns. Entities never leave the service; these records do. */
public final class ApiViews {

    private ApiViews() {
    }

    public record AlertView(String name, Map<String, String> labels, Instant activeAt) {
    }

    public record WindowView(Instant start, Instant testStart, Instant end, long stepSeconds) {
    }

    public record ProgressView(long discovered, long fetched, long screened, long classified, Integer totalBatches,
                               long batchesClassified) {
    }

    public record AnalysisView(String id, String cluster, String status, String statusReason, AlertView alert,
                               WindowView window, ProgressView progress, Instant createdAt, Instant completedAt,
                               String reportUrl) {
    }

    public record ErrorView(int status, String error) {
    }

    /**
     * @param errors       series whose screening threw (status ERROR): counted, a few named in the notes
     * @param notScreened  fetched series that never reached a stored verdict (their batch was lost)
     */
    public record SummaryView(int seriesDiscovered, int seriesFetched, int seriesScreened, int tested,
                              int insufficientData, int constant, int unconvertedCounter, int errors, int notScreened,
                              int significant, int belowMinEffect, int changed,
                              Map<String, Integer> perPattern, List<String> partialReasons, List<String> notes) {
    }

    /**
     * One changed series, ranked. {@code uncertain}: the pattern's confidence is below the model's
     * level under which held-out verdicts on real windows were right far less often than above it.
     */
    public record FindingView(int rank, String series, String metric, Map<String, String> labels, String valueKind,
                              String pattern, int patternType, Double confidence, boolean uncertain, double score, double pValue,
                              double qValue, double ksStatistic, double effectSize, String direction, Instant onset,
                              String promql, String component, List<String> detectors, String error, Double relevance) {
    }

    /**
     * A tenant's learnt relevance: its settings, its labels, and — once there are enough of each
     * kind — the cross-validated (by analysis) AUC, precision and recall of the random forest and of
     * the PatternMatcher score alone, each at its PC-score's best threshold, and the threshold the
     * reports use (an EWMA of the best ones).
     */
    public record RelevanceView(String tenant, boolean enabled, double precisionTarget, double recallTarget, int minLabels,
                                int relevantLabels, int notRelevantLabels, boolean trained, Integer folds, Double forestAuc,
                                Double forestPrecision, Double forestRecall, Double forestThreshold,
                                Double patternMatcherAuc, Double patternMatcherPrecision, Double patternMatcherRecall,
                                Double patternMatcherThreshold, Double usedThreshold, String note) {
    }

    /** One finding cited as a component's evidence. */
    public record EvidenceView(String series, String pattern, double effectSize, Instant onset) {
    }

    /**
     * A component ranked as a likely root cause (or the alerting component): its score, why it ranks
     * there, and its strongest findings.
     */
    public record ComponentView(int rank, String component, double score, String reason, Instant onset, int findings,
                                List<EvidenceView> evidence) {
    }

    /** The service graph the ranking used: where it came from and its edges (client → server). */
    public record ServiceGraphView(List<String> sources, int edgeCount, List<String> edges) {
    }

    /**
     * Findings that tell the same story (same metric and pattern, replicas of one thing, close
     * onsets) as one line; {@code members} are series ids, best ranked first.
     */
    public record GroupView(int rank, String title, String pattern, int patternType, Instant onset, int size,
                            List<String> members) {
    }

    /** The screening verdict of any series of an analysis, changed or not. */
    public record SeriesView(String series, String metric, Map<String, String> labels, String valueKind, String status,
                             boolean changed, Double pValue, Double qValue, Double ksStatistic, Double effectSize,
                             String direction, Instant onset, String pattern, Double confidence, boolean uncertain,
                             List<String> detectors, Double ksPValue, Double recentZ, int recentRun,
                             Double discordScore, String reference, String referenceNote, String error) {
    }

    /** One page of an analysis's series, with the total the filters match. */
    public record SeriesPageView(List<SeriesView> series, int page, int size, long total) {
    }

    public record ReportView(String analysisId, String cluster, String status, String statusReason, AlertView alert,
                             WindowView window, String model, String fetchMethod, double fdrLevel, double minEffectSize,
                             Double discordThreshold, String reference, SummaryView summary,
                             List<ComponentView> likelyRootCauses, ComponentView alertingComponent,
                             ServiceGraphView serviceGraph, List<GroupView> groups, List<FindingView> findings,
                             List<KnownNormalView> knownNormal, Instant generatedAt) {

        public ReportView withGeneratedAt(Instant at) {
            return new ReportView(analysisId, cluster, status, statusReason, alert, window, model, fetchMethod, fdrLevel,
                    minEffectSize, discordThreshold, reference, summary, likelyRootCauses, alertingComponent, serviceGraph, groups,
                    findings, knownNormal, at);
        }
    }

    /**
     * A changed series left out of the ranking because an operator had called it normal: the
     * features profile that matched it, how ({@code features sum}, {@code min-max scaled features
     * sum} or {@code layers}), the feature distance, and whether a profile of the next generation
     * was learnt from it.
     */
    public record KnownNormalView(String series, String metric, Map<String, String> labels, String pattern,
                                  long profileId, int profileGeneration, String matchedBy, Double distance,
                                  boolean learnt) {
    }

    /** An operator's word on a finding; {@code current}: the last word on that series (earlier ones are history). */
    public record FeedbackView(long id, String analysisId, String series, Integer group, String verdict, String pattern,
                               String comment, String author, Instant at, Long profileId, boolean current) {
    }

    /**
     * A features profile: what it is for (the metric identity), where it came from, its
     * generation and parent when learnt, whether it is enabled and validated, its layers, how
     * often it was checked and matched, and the window it was made from.
     */
    public record ProfileView(long id, String tenant, String metric, String identity, boolean learn, int generation,
                              Long parentId, boolean enabled, boolean validated, Map<String, Object> layers, long checks,
                              long matches, Instant lastMatchedAt, String createdBy, Instant createdAt,
                              String sourceAnalysis, String sourceSeries, double[] values) {
    }
}
