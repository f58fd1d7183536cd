package io.patternscope.core.patterns;

/**
 * The anomaly patterns of PatternMatcher (Lin et al., ISSRE 2021), 13 in two types, plus NONE.
 * Type 1 patterns are still abnormal at the end of the window; type 2 patterns have recovered.
 * Each definition is what the generator produces and what a labeler checks; "baseline" is the
 * series before the change, σ its robust standard deviation, and the window is the whole series.
 * For spikes and dips σ is at most a third of the baseline's largest excursion: on bounded noise
 * (uniform, two-level) a spike that clears the noise by far counts, as it does to the eye.
 */
public enum PatternClass {
    LEVEL_SHIFT_UP(1, "an instantaneous step up of at least 4σ that lasts until the end of the window"),
    LEVEL_SHIFT_DOWN(1, "an instantaneous step down of at least 4σ that lasts until the end of the window"),
    STEADY_INCREASE(1, "a linear rise lasting at least a quarter of the window, still rising or high at the end"),
    STEADY_DECREASE(1, "a linear fall lasting at least a quarter of the window, still falling or low at the end"),
    SUDDEN_INCREASE(1, "a fast ramp up (2–8 % of the window, several points, not a single step) to a level that stays up"),
    SUDDEN_DECREASE(1, "a fast ramp down (2–8 % of the window, several points, not a single step) to a level that stays down"),
    SINGLE_SPIKE(2, "one excursion up of at least 5σ lasting 1–3 points, the series back at baseline afterwards"),
    SINGLE_DIP(2, "one excursion down of at least 5σ lasting 1–3 points, the series back at baseline afterwards"),
    MULTIPLE_SPIKES(2, "2–8 separate excursions up of at least 5σ, each 1–3 points, back at baseline at the end"),
    MULTIPLE_DIPS(2, "2–8 separate excursions down of at least 5σ, each 1–3 points, back at baseline at the end"),
    TRANSIENT_LEVEL_SHIFT_UP(2, "a step up of at least 4σ lasting 5–30 % of the window that returns to baseline before the end"),
    TRANSIENT_LEVEL_SHIFT_DOWN(2, "a step down of at least 4σ lasting 5–30 % of the window that returns to baseline before the end"),
    FLUCTUATIONS(2, "a stretch (10–40 % of the window) of oscillation at least 3× the baseline's spread, calm again at the end"),
    NONE(0, "no pattern: noise, seasonality, a slow wobble or a random walk of the background alone");

    private final int type;
    private final String definition;

    PatternClass(int type, String definition) {
        this.type = type;
        this.definition = definition;
    }

    /** 1: still abnormal at the end; 2: recovered; 0: no pattern. */
    public int type() {
        return type;
    }

    public String definition() {
        return definition;
    }

    /** −1 for the patterns that go down (dips, shifts and ramps down), else +1: the sign a generated change takes. */
    public int direction() {
        return switch (this) {
            case LEVEL_SHIFT_DOWN, STEADY_DECREASE, SUDDEN_DECREASE, SINGLE_DIP, MULTIPLE_DIPS, TRANSIENT_LEVEL_SHIFT_DOWN -> -1;
            default -> 1;
        };
    }

    /** The same pattern upside down (spike ↔ dip, up ↔ down); NONE and FLUCTUATIONS stay. */
    public PatternClass mirrored() {
        return switch (this) {
            case LEVEL_SHIFT_UP -> LEVEL_SHIFT_DOWN;
            case LEVEL_SHIFT_DOWN -> LEVEL_SHIFT_UP;
            case STEADY_INCREASE -> STEADY_DECREASE;
            case STEADY_DECREASE -> STEADY_INCREASE;
            case SUDDEN_INCREASE -> SUDDEN_DECREASE;
            case SUDDEN_DECREASE -> SUDDEN_INCREASE;
            case SINGLE_SPIKE -> SINGLE_DIP;
            case SINGLE_DIP -> SINGLE_SPIKE;
            case MULTIPLE_SPIKES -> MULTIPLE_DIPS;
            case MULTIPLE_DIPS -> MULTIPLE_SPIKES;
            case TRANSIENT_LEVEL_SHIFT_UP -> TRANSIENT_LEVEL_SHIFT_DOWN;
            case TRANSIENT_LEVEL_SHIFT_DOWN -> TRANSIENT_LEVEL_SHIFT_UP;
            case FLUCTUATIONS, NONE -> this;
        };
    }
}
