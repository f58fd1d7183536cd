package io.patternscope.patternmodel;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.patterns.PatternPreprocessor;
import io.patternscope.core.patterns.PatternSeriesGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./patternscope evaluate}: accuracy, macro-F1 and the confusion matrix of a SavedModel,
 * served the production way (DJL), on (a) the held-out generated set — the seed and the noisier
 * evaluation settings that training never sees — and (b) the hand-labeled NAB windows.
 * Prints the wrongly classified real windows too, so a labeler can look at them again.
 */
public final class EvaluatePatternModel {

    private EvaluatePatternModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EvaluatePatternModel MODEL_DIR NAB_DIR WINDOWS_FILE [PER_CLASS]");
            System.exit(2);
        }
        Path modelDir = Path.of(args[0]);
        Path nab = Path.of(args[1]);
        Path windows = Path.of(args[2]);
        int perClass = args.length > 3 ? Integer.parseInt(args[3]) : 600;
        for (Path required : List.of(modelDir, nab.resolve("data"), windows)) {
            if (!Files.exists(required)) {
                System.err.println("evaluate: " + required + " does not exist");
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
            LabeledWindows.Set real = LabeledWindows.read(windows, nab);
            Evaluation realEvaluation = real(classifier, real);
            System.out.printf(Locale.ROOT, "(b) hand-labeled NAB windows: %d labeled, %d excluded as ambiguous (%s)%n",
                    real.labeled().size(), real.excluded(), windows);
            System.out.println(realEvaluation.report());
            System.out.printf(Locale.ROOT, "evaluate.generated.accuracy %.4f%nevaluate.generated.macro_f1 %.4f%n",
                    generated.accuracy(), generated.macroF1());
            System.out.printf(Locale.ROOT, "evaluate.nab.accuracy %.4f%nevaluate.nab.macro_f1 %.4f%n",
                    realEvaluation.accuracy(), realEvaluation.macroF1());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("evaluate: " + e.getMessage());
            System.exit(1);
        }
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
