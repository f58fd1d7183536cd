package io.patternscope.core.ranking;

import io.patternscope.core.patterns.PatternClass;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A tenant's ranking: the weights of still-abnormal (type 1) and recovered (type 2) patterns, per
 * pattern overrides, and the patterns its operators do not want to see at all. Score =
 * −log(max(p, 1e-4)) × weight (PatternMatcher); defaults 0.8 and 0.2, nothing hidden. Also the
 * reference its analyses use when a request names none ({@code reference}: PRECEDING when null).
 */
public record RankingSettings(String tenant, double stillAbnormal, double recovered, Map<String, Double> patternWeights,
                              List<String> hiddenPatterns, String reference) {

    public RankingSettings(String tenant, double stillAbnormal, double recovered, Map<String, Double> patternWeights,
                           List<String> hiddenPatterns) {
        this(tenant, stillAbnormal, recovered, patternWeights, hiddenPatterns, null);
    }

    public static final double MAX_WEIGHT = 10;
    private static final Set<String> PATTERNS = Arrays.stream(PatternClass.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    public RankingSettings {
        patternWeights = patternWeights == null ? Map.of() : Map.copyOf(new TreeMap<>(patternWeights));
        hiddenPatterns = hiddenPatterns == null ? List.of() : hiddenPatterns.stream().sorted().distinct().toList();
    }

    public static RankingSettings defaults(String tenant) {
        return new RankingSettings(tenant, PatternWeights.STILL_ABNORMAL, PatternWeights.RECOVERED, Map.of(), List.of());
    }

    /** What is wrong with these settings, as a sentence; null when they are valid. */
    public String problem() {
        if (!validWeight(stillAbnormal) || !validWeight(recovered)) {
            return "'stillAbnormal' and 'recovered' must be numbers between 0 and " + (int) MAX_WEIGHT;
        }
        for (Map.Entry<String, Double> e : patternWeights.entrySet()) {
            if (!PATTERNS.contains(e.getKey())) {
                return "unknown pattern '" + e.getKey() + "' in 'patternWeights'; patterns are " + Arrays.toString(PatternClass.values());
            }
            if (e.getValue() == null || !validWeight(e.getValue())) {
                return "the weight of " + e.getKey() + " must be a number between 0 and " + (int) MAX_WEIGHT;
            }
        }
        for (String p : hiddenPatterns) {
            if (!PATTERNS.contains(p)) {
                return "unknown pattern '" + p + "' in 'hiddenPatterns'; patterns are " + Arrays.toString(PatternClass.values());
            }
        }
        try {
            io.patternscope.core.screening.SeasonalReference.Kind.of(reference);
        } catch (IllegalArgumentException e) {
            return "'reference' must be PRECEDING, DAILY, WEEKLY or AUTO";
        }
        return null;
    }

    public FindingRanker ranker() {
        return new FindingRanker(new PatternWeights(stillAbnormal, recovered, patternWeights), FindingRanker.P_FLOOR);
    }

    public boolean hides(String pattern) {
        return hiddenPatterns.contains(pattern);
    }

    public boolean isDefault() {
        return equals(defaults(tenant));
    }

    private static boolean validWeight(double w) {
        return Double.isFinite(w) && w >= 0 && w <= MAX_WEIGHT;
    }
}
