package io.patternscope.core.relevance;

import java.util.Arrays;

/**
 * Opprentice's choice of the classification threshold (cThld): the PC-score of a threshold is its
 * F-score, plus 1 when it meets the operator's preference (precision and recall at least the
 * preferred ones), so a threshold that meets the preference always beats one that does not and,
 * among those that do, the better-balanced one wins. Thresholds change as labels come in; the one
 * used next is predicted with an EWMA of the best ones so far, as Opprentice does (α = 0.8).
 */
public final class ThresholdChoice {

    /** The operator's preference: precision and recall at least these. */
    public record Preference(double precision, double recall) {

        public Preference {
            if (!(precision >= 0 && precision <= 1) || !(recall >= 0 && recall <= 1)) {
                throw new IllegalArgumentException("a preference is a precision and a recall in [0, 1], not "
                        + precision + " and " + recall);
            }
        }

        /** Opprentice's example preference: recall and precision both at least 0.66. */
        public static Preference defaults() {
            return new Preference(0.66, 0.66);
        }
    }

    /** The chosen threshold, its precision and recall, its PC-score and whether it meets the preference. */
    public record Choice(double threshold, double precision, double recall, double pcScore, boolean meetsPreference) {
    }

    public static final double EWMA_ALPHA = 0.8;

    private ThresholdChoice() {
    }

    /** The threshold among the scores themselves with the highest PC-score (ties: the higher threshold). */
    public static Choice best(double[] scores, boolean[] relevant, Preference preference) {
        double[] candidates = Arrays.stream(scores).distinct().sorted().toArray();
        Choice best = null;
        for (double t : candidates) {
            BinaryMetrics.PrecisionRecall pr = BinaryMetrics.at(scores, relevant, t);
            double f = pr.precision() + pr.recall() == 0 ? 0 : 2 * pr.precision() * pr.recall() / (pr.precision() + pr.recall());
            boolean meets = pr.precision() >= preference.precision() && pr.recall() >= preference.recall();
            double pc = f + (meets ? 1 : 0);
            if (best == null || pc >= best.pcScore()) {
                best = new Choice(t, pr.precision(), pr.recall(), pc, meets);
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no scores to choose a threshold from");
        }
        return best;
    }

    /** The next threshold: α × the newest best + (1 − α) × the previous prediction (the newest best when none). */
    public static double predictNext(double newestBest, Double previousPrediction) {
        return previousPrediction == null ? newestBest : EWMA_ALPHA * newestBest + (1 - EWMA_ALPHA) * previousPrediction;
    }
}
