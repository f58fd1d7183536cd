package io.patternscope.relevance;

import io.patternscope.core.relevance.BinaryMetrics;
import io.patternscope.core.relevance.ThresholdChoice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a tenant's labels are learnt, measured honestly: folds by analysis (findings of one
 * incident share its story, so splitting them would leak), each fold's findings scored by a forest
 * trained on the other folds; beside it the PatternMatcher score alone on the same findings. The
 * threshold of each is chosen by PC-score on those held-out scores.
 */
public final class RelevanceEvaluation {

    /** A labelled finding with the analysis it came from and its PatternMatcher score. */
    public record Labelled(String analysisId, RelevanceForest.Example example, double patternMatcherScore) {
    }

    /** One scorer's held-out figures. */
    public record Figures(double auc, ThresholdChoice.Choice choice) {
    }

    /** The forest's and the PatternMatcher score's figures over {@code examples} findings in {@code folds} folds. */
    public record Result(int examples, int relevant, int folds, Figures forest, Figures patternMatcher) {
    }

    private RelevanceEvaluation() {
    }

    public static Result crossValidate(List<Labelled> labelled, int folds, long seed, ThresholdChoice.Preference preference) {
        Map<String, Integer> foldOf = new HashMap<>();
        List<String> analyses = new ArrayList<>(new TreeMap<>(group(labelled)).keySet());
        java.util.Collections.shuffle(analyses, new java.util.Random(seed));
        for (int i = 0; i < analyses.size(); i++) {
            foldOf.put(analyses.get(i), i % folds);
        }
        int usedFolds = Math.min(folds, analyses.size());
        if (usedFolds < 2) {
            throw new IllegalArgumentException("cross-validation needs labels from at least 2 analyses, not "
                    + analyses.size());
        }
        double[] forestScores = new double[labelled.size()];
        double[] baseline = new double[labelled.size()];
        boolean[] truth = new boolean[labelled.size()];
        for (int f = 0; f < usedFolds; f++) {
            List<RelevanceForest.Example> train = new ArrayList<>();
            for (Labelled l : labelled) {
                if (foldOf.get(l.analysisId()) != f) {
                    train.add(l.example());
                }
            }
            RelevanceForest forest = train.stream().anyMatch(RelevanceForest.Example::relevant)
                    && !train.stream().allMatch(RelevanceForest.Example::relevant) ? RelevanceForest.train(train, seed + f) : null;
            for (int i = 0; i < labelled.size(); i++) {
                Labelled l = labelled.get(i);
                if (foldOf.get(l.analysisId()) == f) {
                    forestScores[i] = forest == null ? 0.5 : forest.score(l.example().features());
                }
            }
        }
        int relevant = 0;
        for (int i = 0; i < labelled.size(); i++) {
            truth[i] = labelled.get(i).example().relevant();
            baseline[i] = labelled.get(i).patternMatcherScore();
            relevant += truth[i] ? 1 : 0;
        }
        return new Result(labelled.size(), relevant, usedFolds,
                new Figures(BinaryMetrics.auc(forestScores, truth), ThresholdChoice.best(forestScores, truth, preference)),
                new Figures(BinaryMetrics.auc(baseline, truth), ThresholdChoice.best(baseline, truth, preference)));
    }

    private static Map<String, List<Labelled>> group(List<Labelled> labelled) {
        Map<String, List<Labelled>> byAnalysis = new HashMap<>();
        labelled.forEach(l -> byAnalysis.computeIfAbsent(l.analysisId(), k -> new ArrayList<>()).add(l));
        return byAnalysis;
    }
}
