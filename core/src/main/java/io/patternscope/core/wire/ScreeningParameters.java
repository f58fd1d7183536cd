package io.patternscope.core.wire;

/**
 * Per-analysis screening settings.
 *
 * @param fdrLevel         Benjamini–Hochberg level q across all series of the analysis
 * @param minEffectSize    minimum |robust median shift| (in robust standard deviations of the reference)
 * @param discordThreshold a matrix-profile discord score at or above this makes a series a finding on
 *                         its own (null: discords are scored and stored, never a finding alone)
 * @param reference        what the test window is compared with: PRECEDING (null too), DAILY, WEEKLY
 *                         or AUTO ({@code core/.../screening/SeasonalReference})
 */
public record ScreeningParameters(double fdrLevel, double minEffectSize, Double discordThreshold, String reference) {

    public ScreeningParameters(double fdrLevel, double minEffectSize) {
        this(fdrLevel, minEffectSize, null, null);
    }

    public ScreeningParameters(double fdrLevel, double minEffectSize, Double discordThreshold) {
        this(fdrLevel, minEffectSize, discordThreshold, null);
    }

    public static ScreeningParameters defaults() {
        return new ScreeningParameters(0.01, 3.0);
    }
}
