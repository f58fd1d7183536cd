package io.patternscope.patternmodel;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.patterns.PatternPreprocessor;
import io.patternscope.core.patterns.PatternSeriesGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./patternscope evaluate}: accuracy, macro-F1 and the confusion matrix of a SavedModel,
 * served the production way (DJL), on (a) the held-out generated set — the seed and the noisier
 * evaluation settings that training never sees — (b) the hand-labeled NAB windows and, when
 * given, (c) the fresh set labeled after the generator was last tuned on (b)'s misses.
 * Prints the wrongly classified real windows too, so a labeler can look at them again.
 */
public final class EvaluatePatternModel {

    private EvaluatePatternModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EvaluatePatternModel MODEL_DIR NAB_DIR WINDOWS_FILE [FRESH_FILE] [PER_CLASS]");
            System.exit(2);
        }
        Path modelDir = Path.of(args[0]);
        Path nab = Path.of(args[1]);
        Path windows = Path.of(args[2]);
        Path fresh = args.length > 3 && !args[3].matches("\\d+") ? Path.of(args[3]) : null;
        String last = args[args.length - 1];
        int perClass = args.length > 3 && last.matches("\\d+") ? Integer.parseInt(last) : 600;
        List<Path> required = new ArrayList<>(List.of(modelDir, nab.resolve("data"), windows));
        if (fresh != null) {
            required.add(fresh);
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
            System.out.printf(Locale.ROOT, "evaluate.generated.accuracy %.4f%nevaluate.generated.macro_f1 %.4f%n%n",
                    generated.accuracy(), generated.macroF1());
            realSet(classifier, "(b) hand-labeled NAB windows", "nab", windows, nab);
            if (fresh != null) {
                realSet(classifier, "(c) fresh hand-labeled NAB windows (labeled after pattern-cnn@4 was tuned, never used to tune)",
                        "nab_fresh", fresh, nab);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void realSet(DjlPatternClassifier classifier, String title, String metric, Path file, Path nab)
            throws IOException {
        LabeledWindows.Set set = LabeledWindows.read(file, nab);
        System.out.printf(Locale.ROOT, "%s: %d labeled, %d excluded as ambiguous (%s)%n", title, set.labeled().size(),
                set.excluded(), file);
        Evaluation evaluation = real(classifier, set);
        System.out.println(evaluation.report());
        System.out.printf(Locale.ROOT, "evaluate.%s.accuracy %.4f%nevaluate.%s.macro_f1 %.4f%n%n", metric, evaluation.accuracy(),
                metric, evaluation.macroF1());
    }

    static Evaluation generated(DjlPatternClassifier classifier, int perClass) {
        TrainPatternModel.Dataset data = TrainPatternModel.dataset(TrainPatternModel.SEED + 1,
                PatternSeriesGenerator.Settings.evaluation(), perClass, false);
        int length = PatternPreprocessor.MODEL_LENGTH;
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

    static Evaluation real(DjlPatternClassifier classifier, LabeledWindows.Set set) {
        List<double[]> values = new ArrayList<>();
        set.labeled().forEach(w -> values.add(w.values()));
        List<DjlPatternClassifier.Result> results = classifier.classify(values);
        int[][] confusion = new int[PatternClass.values().length][PatternClass.values().length];
        for (int i = 0; i < results.size(); i++) {
            LabeledWindows.Window w = set.labeled().get(i);
            DjlPatternClassifier.Result r = results.get(i);
            confusion[w.label().ordinal()][r.pattern().ordinal()]++;
            if (r.pattern() != w.label()) {
                System.out.printf(Locale.ROOT, "  miss %s: labeled %s, model %s (%.2f)%n", w.id(), w.label(), r.pattern(),
                        r.confidence());
            }
        }
        return new Evaluation(confusion);
    }
}
