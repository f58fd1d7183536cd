package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import java.util.Locale;

/**
 * Accuracy, macro-F1 and the confusion matrix (rows: true class, columns: predicted), and the
 * accuracy of the pattern's type alone (none / still abnormal / recovered): the part of the verdict
 * that weighs a finding in the ranking (0.8 against 0.2), so a recovered change named a sudden
 * one moves it up the report.
 */
public record Evaluation(int[][] confusion) {

    /** Right when the predicted class has the true class's type (0 none, 1 still abnormal, 2 recovered). */
    public double typeAccuracy() {
        PatternClass[] classes = PatternClass.values();
        long correct = 0;
        long total = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                total += confusion[i][j];
                if (classes[i].type() == classes[j].type()) {
                    correct += confusion[i][j];
                }
            }
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    public double accuracy() {
        long correct = 0;
        long total = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                total += confusion[i][j];
                if (i == j) {
                    correct += confusion[i][j];
                }
            }
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    public double f1(int c) {
        double tp = confusion[c][c];
        double predicted = 0;
        double actual = 0;
        for (int i = 0; i < confusion.length; i++) {
            predicted += confusion[i][c];
            actual += confusion[c][i];
        }
        double precision = predicted == 0 ? 0 : tp / predicted;
        double recall = actual == 0 ? 0 : tp / actual;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Mean F1 over the classes that occur, as truth or as prediction (a class absent from both says nothing). */
    public double macroF1() {
        double sum = 0;
        int classes = 0;
        for (int c = 0; c < confusion.length; c++) {
            long seen = 0;
            for (int i = 0; i < confusion.length; i++) {
                seen += confusion[c][i] + confusion[i][c];
            }
            if (seen > 0) {
                sum += f1(c);
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    public String report() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "accuracy %.4f, macro-F1 %.4f, type accuracy %.4f%n",
                accuracy(), macroF1(), typeAccuracy()));
        PatternClass[] classes = PatternClass.values();
        out.append(String.format("%-27s", "true \\ predicted"));
        for (int j = 0; j < classes.length; j++) {
            out.append(String.format("%5d", j));
        }
        out.append("   F1\n");
        for (int i = 0; i < classes.length; i++) {
            out.append(String.format("%2d %-24s", i, classes[i].name()));
            for (int j = 0; j < classes.length; j++) {
                out.append(String.format("%5d", confusion[i][j]));
            }
            out.append(String.format(Locale.ROOT, "  %.3f%n", f1(i)));
        }
        return out.toString();
    }
}
