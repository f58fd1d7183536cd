package io.patternscope.core.ranking;

import java.util.Map;
import io.patternscope.core.patterns.PatternClass;

/**
 * How much each anomaly pattern counts in the ranking score. PatternMatcher's defaults: 0.8 for
 * patterns still abnormal at the end of the window (type 1), 0.2 for recovered ones (type 2).
 * {@code UNCLASSIFIED} (no model ran) weighs 1.0: without a pattern there is nothing to discount.
 */
public final class PatternWeights {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    /** PatternMatcher's weight of a pattern still abnormal at the end of the window (type 1). */
    public static final double STILL_ABNORMAL = 0.8;
    /** PatternMatcher's weight of a recovered pattern (type 2). */
    public static final double RECOVERED = 0.2;

    private final Map<String, Double> overrides;
    private final double stillAbnormal;
    private final double recovered;

    public PatternWeights(double stillAbnormal, double recovered, Map<String, Double> overrides) {
        this.stillAbnormal = stillAbnormal;
        this.recovered = recovered;
        this.overrides = Map.copyOf(overrides);
    }

    public static PatternWeights defaults() {
        return new PatternWeights(STILL_ABNORMAL, RECOVERED, Map.of());
    }

    /** 1 for still abnormal, 2 for recovered, 0 for NONE/UNCLASSIFIED/unknown. */
    public static int patternType(String pattern) {
        for (PatternClass c : PatternClass.values()) {
            if (c.name().equals(pattern)) {
                return c.type();
            }
        }
        return 0;
    }

    public double weight(String pattern) {
        Double override = overrides.get(pattern);
        if (override != null) {
            return override;
        }
        return switch (patternType(pattern)) {
            case 1 -> stillAbnormal;
            case 2 -> recovered;
            default -> UNCLASSIFIED.equals(pattern) ? 1.0 : 0.0;
        };
    }
}
