package io.patternscope.core.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PatternMatcher's ranking: {@code score = −ln(max(p, pFloor)) × weight(pattern)}. The floor (1e-4
 * by default) makes every strongly significant series score alike, so the ties are broken by what
 * an operator looks for first: changes that began inside the test window before changes already
 * under way in the reference window (those were there before the trouble, and they contaminate
 * the reference the test relies on); then the earlier onset (causes precede symptoms); then the
 * larger |effect size| (capped at {@value #TIE_BREAK_EFFECT_CAP} σ); then the id for a stable order. Thread-safe.
 */
public final class FindingRanker {

    /** What ranking needs to know about a changed series. onsetMs &lt; 0 means unknown (ranked last among ties). */
    public record Candidate(String id, double pValue, double effectSize, long onsetMs, String pattern) {
    }

    public record Ranked(Candidate candidate, double score, int rank) {
    }

    /** p-values below this all count the same (PatternMatcher): beyond it, significance says nothing more. */
    public static final double P_FLOOR = 1e-4;

    /**
     * A tie-break reads effects only up to this many σ: beyond it (a constant reference's relative
     * change, a counter starting from zero) a larger number says nothing more about the cause.
     */
    public static final double TIE_BREAK_EFFECT_CAP = 50;

    private final PatternWeights weights;
    private final double pFloor;

    public FindingRanker(PatternWeights weights, double pFloor) {
        this.weights = weights;
        this.pFloor = pFloor;
    }

    public static FindingRanker defaults() {
        return new FindingRanker(PatternWeights.defaults(), P_FLOOR);
    }

    public PatternWeights weights() {
        return weights;
    }

    public double score(double pValue, String pattern) {
        return -Math.log(Math.max(pValue, pFloor)) * weights.weight(pattern);
    }

    /**
     * Ranks candidates best first; candidates whose pattern weighs 0 (filtered out) are dropped.
     *
     * @param testStartMs start of the test window: onsets before it are pre-existing changes
     */
    public List<Ranked> rank(List<Candidate> candidates, long testStartMs) {
        record Scored(Candidate c, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            if (weights.weight(c.pattern()) > 0) {
                scored.add(new Scored(c, score(c.pValue(), c.pattern())));
            }
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score())
                .thenComparing(s -> s.c().onsetMs() >= 0 && s.c().onsetMs() < testStartMs)
                .thenComparingLong(s -> s.c().onsetMs() < 0 ? Long.MAX_VALUE : s.c().onsetMs())
                .thenComparingDouble(s -> -Math.min(Math.abs(s.c().effectSize()), TIE_BREAK_EFFECT_CAP))
                .thenComparing(s -> s.c().id()));
        List<Ranked> out = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            out.add(new Ranked(scored.get(i).c(), scored.get(i).score(), i + 1));
        }
        return out;
    }
}
