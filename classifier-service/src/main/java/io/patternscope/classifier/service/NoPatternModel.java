package io.patternscope.classifier.service;

import io.patternscope.core.ranking.PatternWeights;
import java.util.List;

/**
 * Used when no trained model is installed: every changed series is reported {@code UNCLASSIFIED}
 * with NaN confidence, and the report says that no pattern model ran — never a made-up label.
 */
public final class NoPatternModel implements PatternModel {

    @Override
    public String version() {
        return "none";
    }

    @Override
    public List<Classification> classify(List<double[]> series) {
        return series.stream().map(s -> new Classification(PatternWeights.UNCLASSIFIED, Double.NaN, null, false)).toList();
    }
}
