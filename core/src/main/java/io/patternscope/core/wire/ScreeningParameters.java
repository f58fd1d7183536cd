package io.patternscope.core.wire;

/**
 * Per-analysis screening settings.
 *
 * @param fdrLevel      Benjamini–Hochberg level q across all series of the analysis
 * @param minEffectSize minimum |robust median shift| (in robust standard deviations of the reference)
 */
public record ScreeningParameters(double fdrLevel, double minEffectSize) {

    public static ScreeningParameters defaults() {
        return new ScreeningParameters(0.01, 3.0);
    }
}
