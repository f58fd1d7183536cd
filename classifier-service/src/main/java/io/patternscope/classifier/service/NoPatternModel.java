package io.patternscope.classifier.service;

import io.patternscope.core.ranking.PatternWeights;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Used until the CNN ships: every changed series is reported {@code UNCLASSIFIED} with NaN
 * confidence, and the report says that no pattern model ran — never a made-up label.
 */
@ApplicationScoped
public class NoPatternModel implements PatternModel {

    @Override
    public String version() {
        return "none";
    }

    @Override
    public Classification classify(double[] values) {
        return new Classification(PatternWeights.UNCLASSIFIED, Double.NaN);
    }
}
