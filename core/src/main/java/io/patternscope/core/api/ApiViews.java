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

    public record SummaryView(int seriesDiscovered, int seriesFetched, int seriesScreened, int tested,
                              int insufficientData, int constant, int unconvertedCounter, int significant,
                              int belowMinEffect, int changed,
                              Map<String, Integer> perPattern, List<String> partialReasons, List<String> notes) {
    }

    /**
     * One changed series, ranked. {@code uncertain}: the pattern's confidence is below the model's
     * level under which held-out verdicts on real windows were right far less often than above it.
     */
    public record FindingView(int rank, String series, String metric, Map<String, String> labels, String valueKind,
                              String pattern, int patternType, Double confidence, boolean uncertain, double score, double pValue,
                              double qValue, double ksStatistic, double effectSize, String direction, Instant onset,
                              String promql) {
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
                             String direction, Instant onset, String pattern, Double confidence, boolean uncertain) {
    }

    public record ReportView(String analysisId, String cluster, String status, String statusReason, AlertView alert,
                             WindowView window, String model, String fetchMethod, double fdrLevel, double minEffectSize,
                             SummaryView summary, List<GroupView> groups, List<FindingView> findings,
                             Instant generatedAt) {
    }
}
