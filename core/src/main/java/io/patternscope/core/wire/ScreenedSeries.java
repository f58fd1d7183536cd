package io.patternscope.core.wire;

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
        boolean uncertain) {

    public ScreenedSeries withPattern(String newPattern, double newConfidence, boolean newUncertain) {
        return new ScreenedSeries(id, labels, kind, status, candidate, ksStatistic, pValue, effectSize, direction,
                onsetMs, startMs, stepMs, values, newPattern, newConfidence, newUncertain);
    }
}
