package io.patternscope.report.service;

import io.patternscope.core.relevance.RelevanceFeatures;
import io.patternscope.relevance.RelevanceForest;
import io.patternscope.report.repository.SeriesResultEntity;
import java.time.Instant;

/**
 * A tenant's trained relevance model as a report uses it: each finding's score, and whether the
 * report ranks by it (the tenant may keep PatternMatcher's order and see the score beside it).
 */
public record Relevance(RelevanceForest forest, double threshold, int labels, boolean ranks) {

    /** No model: findings carry no relevance and keep their order. */
    public static final Relevance NONE = new Relevance(null, Double.NaN, 0, false);

    public boolean present() {
        return forest != null;
    }

    /**
     * Where findings stand among an analysis's changed series (the candidates): their onsets and
     * absolute effects, sorted, so a finding's share changed before it and changed more is a search.
     */
    public record Context(long[] onsets, double[] effects) {

        public static Context of(java.util.List<SeriesResultEntity> results) {
            long[] onsets = results.stream().filter(r -> r.candidate && r.onsetAt != null)
                    .mapToLong(r -> r.onsetAt.toEpochMilli()).sorted().toArray();
            double[] effects = results.stream().filter(r -> r.candidate && r.effectSize != null && !r.effectSize.isNaN())
                    .mapToDouble(r -> Math.abs(r.effectSize)).sorted().toArray();
            return new Context(onsets, effects);
        }

        double changedBefore(Instant onset) {
            if (onset == null || onsets.length == 0) {
                return Double.NaN;
            }
            int below = java.util.Arrays.binarySearch(onsets, onset.toEpochMilli());
            int index = below >= 0 ? first(onsets, below) : -below - 1;
            return (double) index / onsets.length;
        }

        double changedMore(Double effect) {
            if (effect == null || effect.isNaN() || effects.length == 0) {
                return Double.NaN;
            }
            double a = Math.abs(effect);
            int lo = 0;
            int hi = effects.length;
            while (lo < hi) { // the first effect above a: those from there on changed more
                int mid = (lo + hi) >>> 1;
                if (effects[mid] > a) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return (double) (effects.length - lo) / effects.length;
        }

        private static int first(long[] sorted, int at) {
            while (at > 0 && sorted[at - 1] == sorted[at]) {
                at--;
            }
            return at;
        }
    }

    /** The finding's relevance in [0, 1]; null without a model. */
    public Double score(SeriesResultEntity r, Instant testStart, Instant end, Context context) {
        if (forest == null) {
            return null;
        }
        return forest.score(RelevanceFeatures.of(orNaN(r.ksStatistic), orNaN(r.pValue), orNaN(r.effectSize),
                onsetFraction(r.onsetAt, testStart, end), r.pattern, orNaN(r.confidence), r.uncertain,
                io.patternscope.report.mapping.AnalysisMapper.detectors(r.detectors).size(), context.changedBefore(r.onsetAt),
                context.changedMore(r.effectSize)));
    }

    /** Where {@code onset} lies in the test window: 0 at its start, 1 at its end, negative before; NaN unknown. */
    static double onsetFraction(Instant onset, Instant testStart, Instant end) {
        if (onset == null || testStart == null || end == null || !end.isAfter(testStart)) {
            return Double.NaN;
        }
        return (double) (onset.toEpochMilli() - testStart.toEpochMilli()) / (end.toEpochMilli() - testStart.toEpochMilli());
    }

    private static double orNaN(Double x) {
        return x == null ? Double.NaN : x;
    }
}
