package io.patternscope.classifier.service;

/** Names the anomaly pattern of a changed series. Implementations must be thread-safe. */
public interface PatternModel {

    /** What travels with every result, e.g. {@code cnn-1d@2026-11-23}; {@code none} when no model runs. */
    String version();

    Classification classify(double[] values);

    record Classification(String pattern, double confidence) {
    }
}
