package io.patternscope.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code CompareVerdicts BASE_DIR OTHER_DIR}: two cross-validation runs' held-out verdicts
 * ({@code crossval.tsv}, {@code blind.tsv}) window by window — each run's right answers and the
 * windows the other run fixed or broke. Two runs of the same recipe spread by a few windows, so
 * which windows moved says more than the two figures ({@code ./patternscope compare}).
 */
public final class CompareVerdicts {

    private CompareVerdicts() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ./patternscope compare BASE_DIR OTHER_DIR (folders holding crossval.tsv and/or blind.tsv)");
            System.exit(2);
        }
        try {
            System.out.print(compare(Path.of(args[0]), Path.of(args[1])));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("compare: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The comparison of every verdict file both folders hold; a sentence when they share none. */
    static String compare(Path base, Path other) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : List.of(CrossValidatePatternModel.PREDICTIONS, CrossValidatePatternModel.BLIND_PREDICTIONS)) {
            if (Files.isRegularFile(base.resolve(name)) && Files.isRegularFile(other.resolve(name))) {
                text.append(compare(name, byId(base.resolve(name)), byId(other.resolve(name))));
            }
        }
        if (text.length() == 0) {
            throw new IllegalArgumentException(base + " and " + other + " hold no verdict file in common ("
                    + CrossValidatePatternModel.PREDICTIONS + " or " + CrossValidatePatternModel.BLIND_PREDICTIONS + ")");
        }
        return text.toString();
    }

    private static String compare(String name, Map<String, CrossValidatePatternModel.Prediction> base,
            Map<String, CrossValidatePatternModel.Prediction> other) {
        if (!base.keySet().equals(other.keySet())) {
            throw new IllegalArgumentException(name + ": the two runs judged different windows (" + base.size() + " and "
                    + other.size() + "), so their verdicts cannot be compared window by window");
        }
        List<String> fixed = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int baseRight = 0;
        int otherRight = 0;
        for (String id : base.keySet()) {
            CrossValidatePatternModel.Prediction b = base.get(id);
            CrossValidatePatternModel.Prediction o = other.get(id);
            if (b.label() != o.label()) {
                throw new IllegalArgumentException(name + ": window " + id + " is labeled " + b.label() + " in one run and "
                        + o.label() + " in the other");
            }
            boolean bRight = b.predicted() == b.label();
            boolean oRight = o.predicted() == o.label();
            baseRight += bRight ? 1 : 0;
            otherRight += oRight ? 1 : 0;
            if (bRight != oRight) {
                (oRight ? fixed : broken).add(String.format(Locale.ROOT, "    %s (%s): labeled %s, base %s (%.2f), other %s (%.2f)",
                        id, b.file(), b.label(), b.predicted(), b.confidence(), o.predicted(), o.confidence()));
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s: %d windows, base %d right (%.3f), other %d right (%.3f); other fixed %d, broke %d%n", name, base.size(),
                baseRight, baseRight / (double) base.size(), otherRight, otherRight / (double) base.size(), fixed.size(),
                broken.size()));
        appendList(text, "fixed", fixed);
        appendList(text, "broken", broken);
        return text.toString();
    }

    private static void appendList(StringBuilder text, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            text.append("  ").append(title).append(":\n");
            lines.forEach(line -> text.append(line).append('\n'));
        }
    }

    private static Map<String, CrossValidatePatternModel.Prediction> byId(Path file) throws IOException {
        Map<String, CrossValidatePatternModel.Prediction> byId = new TreeMap<>();
        for (CrossValidatePatternModel.Prediction p : CrossValidatePatternModel.read(file)) {
            if (byId.put(p.id(), p) != null) {
                throw new IllegalArgumentException(file + ": window " + p.id() + " is judged twice");
            }
        }
        return byId;
    }
}
