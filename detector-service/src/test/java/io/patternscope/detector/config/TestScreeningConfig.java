package io.patternscope.detector.config;

/** The detector's default screening settings for tests: only the reference minimum and the workers vary. */
public record TestScreeningConfig(int minReferencePoints, int workers) implements ScreeningConfig {

    public int minTestPoints() {
        return 10;
    }

    public int minSegment() {
        return 5;
    }

    public int recentMaxRun() {
        return 6;
    }
}
