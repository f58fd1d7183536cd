package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;

/**
 * A generated series and its pattern. {@code changeIndex} is where the pattern begins (-1 for NONE);
 * {@code sigma} the robust spread of the background the magnitudes were measured against.
 */
public record LabeledSeries(PatternClass label, double[] values, int changeIndex, double sigma) {
}
