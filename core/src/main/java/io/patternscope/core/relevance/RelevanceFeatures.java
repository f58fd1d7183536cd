package io.patternscope.core.relevance;

import io.patternscope.core.ranking.PatternWeights;
import java.util.List;

/**
 * What a finding's detectors said, as the feature vector of a learnt relevance model (Opprentice:
 * the detectors' outputs are the features, operators' labels the targets): the KS statistic and
 * −log10 p, the effect size and its sign, where in the test window the change began, the pattern's
 * type (none, still abnormal, recovered) and the model's confidence, which detectors fired — and
 * where the finding stands among the analysis's changed series: the share that changed before it
 * and the share that changed more (a root cause tends to change first, its symptoms after it).
 */
public final class RelevanceFeatures {

    public static final List<String> NAMES = List.of("ks_statistic", "neg_log10_p", "abs_effect", "direction",
            "onset_in_test_window", "onset_before_test_window", "type_still_abnormal", "type_recovered", "type_none",
            "confidence", "uncertain", "detectors", "share_changed_before", "share_changed_more");

    private RelevanceFeatures() {
    }

    /**
     * @param onsetFraction where the change began as a fraction of the test window (0 at its start,
     *                      1 at its end; negative: before it; NaN: unknown)
     * @param detectors     how many detectors fired
     * @param changedBefore the share of the analysis's changed series whose change began earlier (NaN: unknown)
     * @param changedMore   the share of the analysis's changed series with a larger effect (NaN: unknown)
     */
    public static double[] of(double ksStatistic, double pValue, double effectSize, double onsetFraction, String pattern,
                              double confidence, boolean uncertain, int detectors, double changedBefore, double changedMore) {
        int type = PatternWeights.patternType(pattern == null ? PatternWeights.UNCLASSIFIED : pattern);
        return new double[] {
            finite(ksStatistic),
            -Math.log10(Math.max(Double.isFinite(pValue) ? pValue : 1, 1e-300)),
            Math.abs(finite(effectSize)),
            Math.signum(finite(effectSize)),
            Double.isFinite(onsetFraction) ? Math.max(0, Math.min(1, onsetFraction)) : 0,
            Double.isFinite(onsetFraction) && onsetFraction < 0 ? 1 : 0,
            type == 1 ? 1 : 0,
            type == 2 ? 1 : 0,
            type == 0 ? 1 : 0,
            Double.isFinite(confidence) ? confidence : 0,
            uncertain ? 1 : 0,
            detectors,
            Double.isFinite(changedBefore) ? changedBefore : 0.5,
            Double.isFinite(changedMore) ? changedMore : 0.5,
        };
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0;
    }
}
