package io.patternscope.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.relevance.RelevanceFeatures;
import io.patternscope.core.relevance.ThresholdChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Operators who call a finding relevant when it is still abnormal and began inside the test window,
 * whatever its p-value: the forest learns that from their labels; the PatternMatcher score, which
 * sees the p-value and the pattern weight, can only half-guess it.
 */
class RelevanceForestTest {

    private static List<RelevanceEvaluation.Labelled> labels(int analyses, long seed) {
        Random random = new Random(seed);
        List<RelevanceEvaluation.Labelled> out = new ArrayList<>();
        String[] patterns = {"LEVEL_SHIFT_UP", "SINGLE_SPIKE", "STEADY_INCREASE", "TRANSIENT_LEVEL_SHIFT_UP"};
        for (int a = 0; a < analyses; a++) {
            for (int k = 0; k < 8; k++) {
                String pattern = patterns[random.nextInt(patterns.length)];
                double p = Math.pow(10, -1 - 30 * random.nextDouble());
                double onset = random.nextDouble() * 1.4 - 0.4;
                double effect = 3 + 20 * random.nextDouble();
                boolean stillAbnormal = pattern.equals("LEVEL_SHIFT_UP") || pattern.equals("STEADY_INCREASE");
                boolean relevant = stillAbnormal && onset >= 0;
                double[] f = RelevanceFeatures.of(0.5 + 0.4 * random.nextDouble(), p, effect, onset, pattern, 0.9, false, 1, random.nextDouble(),
                        random.nextDouble());
                double score = -Math.log(Math.max(p, 1e-4)) * (stillAbnormal ? 0.8 : 0.2);
                out.add(new RelevanceEvaluation.Labelled("a-" + a, new RelevanceForest.Example(f, relevant), score));
            }
        }
        return out;
    }

    @Test
    void theForestLearnsWhatOperatorsCallRelevantBetterThanTheScoreAlone() {
        RelevanceEvaluation.Result r = RelevanceEvaluation.crossValidate(labels(40, 7), 5, 11, ThresholdChoice.Preference.defaults());
        assertEquals(320, r.examples());
        assertEquals(5, r.folds());
        assertTrue(r.forest().auc() > 0.95, "forest AUC " + r.forest().auc());
        assertTrue(r.forest().auc() > r.patternMatcher().auc() + 0.05,
                "forest " + r.forest().auc() + " against the score's " + r.patternMatcher().auc());
        assertTrue(r.forest().choice().meetsPreference(), r.forest().choice().toString());
    }

    @Test
    void trainingIsReproducibleForASeed() {
        List<RelevanceForest.Example> examples = labels(10, 3).stream().map(RelevanceEvaluation.Labelled::example).toList();
        double[] probe = examples.get(0).features();
        assertEquals(RelevanceForest.train(examples, 5).score(probe), RelevanceForest.train(examples, 5).score(probe));
    }

    @Test
    void oneKindOfLabelOnlyIsASentence() {
        List<RelevanceForest.Example> examples = List.of(new RelevanceForest.Example(new double[12], true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RelevanceForest.train(examples, 1));
        assertTrue(e.getMessage().contains("relevant and not-relevant"));
    }
}
