package io.patternscope.core.relevance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Precision, recall and ROC AUC of scores against labels (true: relevant). */
public final class BinaryMetrics {

    /** Precision and recall of "score ≥ threshold means relevant". */
    public record PrecisionRecall(double threshold, double precision, double recall) {
    }

    private BinaryMetrics() {
    }

    public static PrecisionRecall at(double[] scores, boolean[] relevant, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean said = scores[i] >= threshold;
            tp += said && relevant[i] ? 1 : 0;
            fp += said && !relevant[i] ? 1 : 0;
            fn += !said && relevant[i] ? 1 : 0;
        }
        return new PrecisionRecall(threshold, tp + fp == 0 ? 1 : (double) tp / (tp + fp), tp + fn == 0 ? 1 : (double) tp / (tp + fn));
    }

    /**
     * The area under the ROC curve: the chance that a random relevant example scores above a random
     * irrelevant one, ties counting half (the Mann–Whitney U over both counts). NaN without both kinds.
     */
    public static double auc(double[] scores, boolean[] relevant) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (relevant[order[k]]) {
                    rankSum += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
