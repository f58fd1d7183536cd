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

    /** The finding's relevance in [0, 1]; null without a model. */
    public Double score(SeriesResultEntity r, Instant testStart, Instant end) {
        if (forest == null) {
            return null;
        }
        return forest.score(RelevanceFeatures.of(orNaN(r.ksStatistic), orNaN(r.pValue), orNaN(r.effectSize),
                onsetFraction(r.onsetAt, testStart, end), r.pattern, orNaN(r.confidence), r.uncertain,
                io.patternscope.report.mapping.AnalysisMapper.detectors(r.detectors).size()));
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
