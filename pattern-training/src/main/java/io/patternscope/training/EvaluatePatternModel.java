package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.DjlPatternClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./patternscope evaluate}: accuracy, macro-F1 and the confusion matrix of a SavedModel,
 * served the production way (DJL), on (a) the held-out generated set — the seed and the noisier
 * evaluation settings that training never sees — (b) the hand-labeled NAB windows and, when
 * given, (c) the fresh set labeled after the generator was last tuned on (b)'s misses. A model
 * that learnt from (b) and (c) ({@link CrossValidatePatternModel}) carries its held-out
 * predictions — each window judged by a model that never saw its NAB file — and those are its
 * real-data figure; scored directly on (b) and (c) it only shows its fit. (d), when given, is a
 * blind set no model ever learnt from: scored directly, and, where the model carries them, by the
 * cross-validation models that never saw each window's file either. Prints the wrongly
 * classified real windows too, so a labeler can look at them again.
 */
public final class EvaluatePatternModel {

    private EvaluatePatternModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EvaluatePatternModel MODEL_DIR NAB_DIR WINDOWS_FILE [FRESH_FILE [BLIND_FILE [WIDER_FILE]]] [PER_CLASS]");
            System.exit(2);
        }
        Path modelDir = Path.of(args[0]);
        Path nab = Path.of(args[1]);
        Path windows = Path.of(args[2]);
        Path fresh = args.length > 3 && !args[3].matches("\\d+") ? Path.of(args[3]) : null;
        Path blind = args.length > 4 && !args[4].matches("\\d+") ? Path.of(args[4]) : null;
        Path wider = args.length > 5 && !args[5].matches("\\d+") ? Path.of(args[5]) : null;
        String last = args[args.length - 1];
        int perClass = args.length > 3 && last.matches("\\d+") ? Integer.parseInt(last) : 600;
        List<Path> required = new ArrayList<>(List.of(modelDir, nab.resolve("data"), windows));
        if (fresh != null) {
            required.add(fresh);
        }
        if (blind != null) {
            required.add(blind);
        }
        if (wider != null) {
            required.add(wider);
        }
        for (Path path : required) {
            if (!Files.exists(path)) {
                System.err.println("evaluate: " + path + " does not exist");
                System.exit(1);
            }
        }
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(modelDir)) {
            System.out.println("model " + classifier.version());
            System.out.println();
            Evaluation generated = generated(classifier, perClass);
            System.out.printf(Locale.ROOT, "(a) held-out generated: %d series (seed %d, evaluation settings)%n",
                    perClass * PatternClass.values().length, TrainPatternModel.SEED + 1);
            System.out.println(generated.report());
            System.out.printf(Locale.ROOT, "evaluate.generated.accuracy %.4f%nevaluate.generated.macro_f1 %.4f%n"
                    + "evaluate.generated.type_accuracy %.4f%n%n", generated.accuracy(), generated.macroF1(),
                    generated.typeAccuracy());
            LabeledWindows.Set first = LabeledWindows.read(windows, nab);
            LabeledWindows.Set second = fresh == null ? null : LabeledWindows.read(fresh, nab);
            Path heldOut = modelDir.resolve(CrossValidatePatternModel.PREDICTIONS);
            List<CrossValidatePatternModel.Prediction> heldOutVerdicts = new ArrayList<>();
            if (Files.isRegularFile(heldOut)) {
                // The model learnt from these windows: scoring it on them measures its fit, not
                // how it does on series it has never seen. The held-out predictions do that.
                List<CrossValidatePatternModel.Prediction> predictions = CrossValidatePatternModel.read(heldOut);
                checkCovers(predictions, second == null ? List.of(first) : List.of(first, second));
                heldOutVerdicts.addAll(predictions);
                System.out.println("(b)+(c) cross-validated by NAB file, recorded when the model was trained ("
                        + heldOut + "; `./patternscope crossvalidate` recomputes them):");
                System.out.println(CrossValidatePatternModel.summary(predictions));
                System.out.println("This model learnt from all of these windows; its fit on them, not a test:");
                fit(classifier, "(b) " + windows.getFileName(), first);
                if (second != null) {
                    fit(classifier, "(c) " + fresh.getFileName(), second);
                }
            } else {
                realSet(classifier, "(b) hand-labeled NAB windows", "nab", windows, first);
                if (second != null) {
                    realSet(classifier, "(c) fresh hand-labeled NAB windows (labeled after pattern-cnn@4 was tuned, never used to tune)",
                            "nab_fresh", fresh, second);
                }
            }
            if (blind != null) {
                heldOutVerdicts.addAll(blindSet(classifier, modelDir, blind, LabeledWindows.read(blind, nab)));
            }
            if (wider != null) {
                realSet(classifier, "(e) wider hand-labeled NAB windows (realTraffic, realAdExchange, realTweets: files no model "
                        + "learnt from)", "nab_wider", wider, LabeledWindows.read(wider, nab));
            }
            if (classifier.uncertainBelow() > 0 && !heldOutVerdicts.isEmpty()) {
                uncertainFlag(classifier.uncertainBelow(), heldOutVerdicts);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * What the served {@code uncertain} flag means: how often the held-out verdicts it would flag,
     * and those it would not, were right.
     */
    static void uncertainFlag(double below, List<CrossValidatePatternModel.Prediction> verdicts) {
        Reliability split = Reliability.of(verdicts, below);
        Reliability.Band flagged = split.bands().get(0);
        Reliability.Band trusted = split.bands().get(1);
        System.out.printf(Locale.ROOT, "the uncertain flag (confidence below %.2f, model.properties) on all %d held-out verdicts above:%n",
                below, verdicts.size());
        System.out.print(split.report());
        System.out.printf(Locale.ROOT, "evaluate.uncertain.share %.4f%nevaluate.uncertain.flagged_accuracy %.4f%n"
                + "evaluate.uncertain.unflagged_accuracy %.4f%n%n", (double) flagged.total() / verdicts.size(),
                flagged.accuracy(), trusted.accuracy());
    }

    /** Scores the blind set; returns the cross-validation models' verdicts on it (none if not recorded). */
    private static List<CrossValidatePatternModel.Prediction> blindSet(DjlPatternClassifier classifier, Path modelDir,
            Path file, LabeledWindows.Set set) throws java.io.IOException {
        realSet(classifier, "(d) blind hand-labeled NAB windows (never trained on; this model did learn from other windows of their files)",
                "nab_blind_direct", file, set);
        Path verdicts = modelDir.resolve(CrossValidatePatternModel.BLIND_PREDICTIONS);
        if (Files.isRegularFile(verdicts)) {
            List<CrossValidatePatternModel.Prediction> predictions = CrossValidatePatternModel.read(verdicts);
            checkCovers(predictions, List.of(set));
            System.out.println("(d) by the cross-validation models, each never trained on the window's NAB file, recorded when the model was trained ("
                    + verdicts + "):");
            System.out.println(CrossValidatePatternModel.blindSummary(predictions));
            return predictions;
        }
        return List.of();
    }

    private static void realSet(DjlPatternClassifier classifier, String title, String metric, Path file,
            LabeledWindows.Set set) {
        System.out.printf(Locale.ROOT, "%s: %d labeled, %d excluded as ambiguous (%s)%n", title, set.labeled().size(),
                set.excluded(), file);
        Evaluation evaluation = real(classifier, set);
        System.out.println(evaluation.report());
        System.out.printf(Locale.ROOT, "evaluate.%s.accuracy %.4f%nevaluate.%s.macro_f1 %.4f%nevaluate.%s.type_accuracy %.4f%n%n",
                metric, evaluation.accuracy(), metric, evaluation.macroF1(), metric, evaluation.typeAccuracy());
    }

    private static void fit(DjlPatternClassifier classifier, String name, LabeledWindows.Set set) {
        double accuracy = evaluation(set, classify(classifier, set)).accuracy();
        int n = set.labeled().size();
        System.out.printf(Locale.ROOT, "  %s: %d of %d (%.4f)%n", name, Math.round(accuracy * n), n, accuracy);
    }

    /** Held-out predictions recorded for other labels than today's would be a figure about another set. */
    static void checkCovers(List<CrossValidatePatternModel.Prediction> predictions, List<LabeledWindows.Set> sets) {
        java.util.Map<String, PatternClass> labels = new java.util.HashMap<>();
        sets.forEach(set -> set.labeled().forEach(w -> labels.put(w.id(), w.label())));
        java.util.Map<String, PatternClass> recorded = new java.util.HashMap<>();
        predictions.forEach(p -> recorded.put(p.id(), p.label()));
        if (!recorded.equals(labels)) {
            throw new IllegalStateException("the model's held-out predictions (" + recorded.size()
                    + " windows) do not match today's labels (" + labels.size()
                    + " windows): the labels changed since it was trained; retrain with ./patternscope crossvalidate");
        }
    }

    static Evaluation generated(DjlPatternClassifier classifier, int perClass) {
        TrainPatternModel.Dataset data = TrainPatternModel.heldOut(perClass, classifier.input());
        int length = classifier.input().length();
        int[][] confusion = new int[PatternClass.values().length][PatternClass.values().length];
        for (int from = 0; from < data.labels().length; from += 512) {
            int n = Math.min(512, data.labels().length - from);
            float[] flat = new float[n * length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(data.inputs()[from + i], 0, flat, i * length, length);
            }
            List<DjlPatternClassifier.Result> results = classifier.classifyPrepared(flat, n);
            for (int i = 0; i < n; i++) {
                confusion[data.labels()[from + i]][results.get(i).pattern().ordinal()]++;
            }
        }
        return new Evaluation(confusion);
    }

    /** Scores the model on the labeled windows and prints each miss. */
    static Evaluation real(DjlPatternClassifier classifier, LabeledWindows.Set set) {
        List<DjlPatternClassifier.Result> results = classify(classifier, set);
        for (int i = 0; i < results.size(); i++) {
            LabeledWindows.Window w = set.labeled().get(i);
            DjlPatternClassifier.Result r = results.get(i);
            if (r.pattern() != w.label()) {
                System.out.printf(Locale.ROOT, "  miss %s: labeled %s, model %s (%.2f)%n", w.id(), w.label(), r.pattern(),
                        r.confidence());
            }
        }
        return evaluation(set, results);
    }

    private static List<DjlPatternClassifier.Result> classify(DjlPatternClassifier classifier, LabeledWindows.Set set) {
        return classifier.classify(set.labeled().stream().map(LabeledWindows.Window::values).toList());
    }

    private static Evaluation evaluation(LabeledWindows.Set set, List<DjlPatternClassifier.Result> results) {
        int[][] confusion = new int[PatternClass.values().length][PatternClass.values().length];
        for (int i = 0; i < results.size(); i++) {
            confusion[set.labeled().get(i).label().ordinal()][results.get(i).pattern().ordinal()]++;
        }
        return new Evaluation(confusion);
    }
}
