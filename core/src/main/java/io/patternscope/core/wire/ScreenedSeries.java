package io.patternscope.core.wire;

import java.util.List;
import java.util.Map;

/**
 * The detector's verdict on one series, later completed by the classifier.
 * {@code values} travel only for candidates (series that may be reported), to keep batches small.
 *
 * @param candidate  KS p-value ≤ the analysis's q and effect size ≥ the minimum: the only series
 *                   Benjamini–Hochberg can still declare changed, so only these go to the classifier
 * @param onsetMs    estimated start of the change (epoch ms), or -1 when not estimated
 * @param pattern    anomaly pattern name from the classifier; {@code UNCLASSIFIED} until a model runs
 * @param confidence classifier confidence in [0,1]; NaN when unclassified
 * @param uncertain  the confidence is below the model's {@code uncertain-below}: a name to check
 *                   against the plot (absent in older payloads: false)
 * @param pValue     the p-value Benjamini–Hochberg reads: Bonferroni over the detectors (see
 *                   {@code SeriesScreener}); {@code ksPValue} is the KS test's own
 * @param detectors  the detectors that fired (empty or null when none)
 * @param recentZ    the recent-extremes run's score in reference standard deviations (0: none)
 * @param recentRun  that run's length in points (0: none)
 * @param discordScore the test window's matrix-profile discord score against the reference, in
 *                   [0, √2] (NaN: not scored — too short, or not tested)
 * @param reference  what the test window was compared with: PRECEDING, DAILY or WEEKLY (null:
 *                   not screened)
 * @param referenceNote why a seasonal reference that was asked for is not the one used (null otherwise)
 * @param error      the sentence of a series whose screening or classification threw (status
 *                   {@code ERROR} when screening did; null otherwise)
 */
public record ScreenedSeries(
        String id,
        Map<String, String> labels,
        SeriesData.ValueKind kind,
        ScreeningStatus status,
        boolean candidate,
        double ksStatistic,
        double pValue,
        double effectSize,
        int direction,
        long onsetMs,
        long startMs,
        long stepMs,
        double[] values,
        String pattern,
        double confidence,
        boolean uncertain,
        double ksPValue,
        List<Detector> detectors,
        double recentZ,
        int recentRun,
        double discordScore,
        String reference,
        String referenceNote,
        String error) {

    /** A verdict without discord scores. */
    public ScreenedSeries(String id, Map<String, String> labels, SeriesData.ValueKind kind, ScreeningStatus status,
                          boolean candidate, double ksStatistic, double pValue, double effectSize, int direction,
                          long onsetMs, long startMs, long stepMs, double[] values, String pattern, double confidence,
                          boolean uncertain, double ksPValue, List<Detector> detectors, double recentZ, int recentRun,
                          String error) {
        this(id, labels, kind, status, candidate, ksStatistic, pValue, effectSize, direction, onsetMs, startMs, stepMs,
                values, pattern, confidence, uncertain, ksPValue, detectors, recentZ, recentRun, Double.NaN, null, null, error);
    }

    public ScreenedSeries withPattern(String newPattern, double newConfidence, boolean newUncertain) {
        return new ScreenedSeries(id, labels, kind, status, candidate, ksStatistic, pValue, effectSize, direction,
                onsetMs, startMs, stepMs, values, newPattern, newConfidence, newUncertain, ksPValue, detectors, recentZ,
                recentRun, discordScore, reference, referenceNote, error);
    }

    /** The same verdict carrying {@code newValues} (null: none), as the wire frames rebuild it. */
    public ScreenedSeries withValues(double[] newValues) {
        return new ScreenedSeries(id, labels, kind, status, candidate, ksStatistic, pValue, effectSize, direction,
                onsetMs, startMs, stepMs, newValues, pattern, confidence, uncertain, ksPValue, detectors, recentZ, recentRun,
                discordScore, reference, referenceNote, error);
    }

    /** The series as it stands, with the sentence of a later stage's failure on it. */
    public ScreenedSeries withError(String sentence) {
        return new ScreenedSeries(id, labels, kind, status, candidate, ksStatistic, pValue, effectSize, direction,
                onsetMs, startMs, stepMs, values, pattern, confidence, uncertain, ksPValue, detectors, recentZ, recentRun,
                discordScore, reference, referenceNote, sentence);
    }

    /** A series whose screening threw: no statistics, the sentence says why. */
    public static ScreenedSeries failed(SeriesData series, String sentence) {
        return new ScreenedSeries(series.id(), series.labels(), series.kind(), ScreeningStatus.ERROR, false, Double.NaN,
                Double.NaN, Double.NaN, 0, -1, series.startMs(), series.stepMs(), null, null, Double.NaN, false,
                Double.NaN, List.of(), 0, 0, Double.NaN, null, null, sentence);
    }
}
