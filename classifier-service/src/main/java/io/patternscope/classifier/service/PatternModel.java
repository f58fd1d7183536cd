package io.patternscope.classifier.service;

import java.util.List;

/** Names the anomaly pattern of changed series. Implementations must be thread-safe. */
public interface PatternModel {

    /** What travels with every result, e.g. {@code pattern-cnn@7}; {@code none} when no model runs. */
    String version();

    /** One classification per series, in order; each series has at least two finite values. */
    List<Classification> classify(List<double[]> series);

    /**
     * @param probabilities one per {@code PatternClass}, in its order; null when no model ran
     * @param uncertain     the confidence is below the model's {@code uncertain-below}
     */
    record Classification(String pattern, double confidence, float[] probabilities, boolean uncertain) {
    }
}
