package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.DjlPatternClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code CrossValidatePatternModel OUT_DIR NAB_DIR PER_CLASS EPOCHS FOLDS LABELS.jsonl... [--train TRAIN.jsonl...] [--blind BLIND.jsonl...]}: the
 * real-data figure of a model that learns from the hand-labeled windows too. The NAB files are
 * split into folds; for each fold a model is trained on generated series plus the labeled windows
 * of the other folds' files and classifies the fold's windows, so every window is judged by a
 * model that never saw its file (windows of one file share events and overlap, so a split by
 * window would leak). The held-out predictions go to {@code OUT_DIR/crossval.tsv}; then one model
 * is trained on every labeled window into {@code OUT_DIR} ({@code ./patternscope crossvalidate}).
 * Windows of the blind sets are never trained on: each is judged by the fold model that never saw
 * its file either, into {@code OUT_DIR/blind.tsv} — a test of the whole recipe on windows nothing
 * was tuned on. Windows of the {@code --train} sets are only learnt from: by every fold model that
 * does not hold their file out, and by the final model; they are not judged, and the folds are
 * balanced on the judged sets alone, so adding training windows leaves the folds as they were.
 */
public final class CrossValidatePatternModel {

    /** The file of held-out predictions, next to the SavedModel. */
    public static final String PREDICTIONS = "crossval.tsv";
    /** The file of the blind sets' verdicts, next to the SavedModel. */
    public static final String BLIND_PREDICTIONS = "blind.tsv";

    private CrossValidatePatternModel() {
    }

    /** A window's held-out verdict. */
    public record Prediction(String id, String set, String file, int fold, PatternClass label, PatternClass predicted,
                             double confidence) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: CrossValidatePatternModel OUT_DIR NAB_DIR PER_CLASS EPOCHS FOLDS LABELS.jsonl... [--train TRAIN.jsonl...] [--blind BLIND.jsonl...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Path nab = Path.of(args[1]);
        int perClass = positive(args[2], "PER_CLASS");
        int epochs = positive(args[3], "EPOCHS");
        int folds = positive(args[4], "FOLDS");
        Map<String, List<LabeledWindows.Window>> sets = new LinkedHashMap<>();
        Map<String, List<LabeledWindows.Window>> trainOnly = new LinkedHashMap<>();
        Map<String, List<LabeledWindows.Window>> blind = new LinkedHashMap<>();
        try {
            Map<String, List<LabeledWindows.Window>> into = sets;
            for (int i = 5; i < args.length; i++) {
                if (args[i].equals("--train")) {
                    into = trainOnly;
                    continue;
                }
                if (args[i].equals("--blind")) {
                    into = blind;
                    continue;
                }
                Path file = Path.of(args[i]);
                into.put(file.getFileName().toString(), LabeledWindows.read(file, nab).labeled());
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("crossvalidate: cannot read the labeled windows: " + e.getMessage());
            System.exit(1);
        }
        if (sets.isEmpty()) {
            System.err.println("crossvalidate: no labeled windows to learn from before --blind");
            System.exit(2);
        }
        boolean verdictsOnly = Boolean.getBoolean("patternscope.crossval.only");
        try { // before any training: FOLDS is checked against the files the labels cover
            foldsByFile(sets.values().stream().flatMap(List::stream).toList(), folds);
            if (verdictsOnly) {
                checkVerdictsOnlyTarget(out);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("crossvalidate: " + e.getMessage());
            System.exit(2);
        }
        List<Prediction> blindVerdicts = new ArrayList<>();
        Path workDir = out.resolveSibling(out.getFileName() + "-folds");
        if (!TrainPatternModel.RESUME) {
            TrainPatternModel.deleteTree(checkpoints(workDir)); // another run's code or settings may have made them
        }
        List<LabeledWindows.Window> extra = new ArrayList<>();
        trainOnly.values().forEach(extra::addAll);
        List<Prediction> predictions = crossValidate(workDir, perClass, epochs, folds, sets, extra, blind, blindVerdicts);
        if (verdictsOnly) { // experiments: the figure, not a model
            Files.createDirectories(out); // the verdicts alone, for ./patternscope compare
            writeVerdicts(out, predictions, blindVerdicts);
            System.out.println(summary(predictions));
            System.out.println(blindSummary(blindVerdicts));
            System.out.println("held-out predictions written to " + out.resolve(PREDICTIONS) + " (no model: crossval.only)");
            return;
        }
        List<LabeledWindows.Window> all = new ArrayList<>();
        sets.values().forEach(all::addAll);
        all.addAll(extra);
        Evaluation generated = TrainPatternModel.trainEnsemble(out, perClass, epochs, all, TrainPatternModel.MEMBERS,
                TrainPatternModel.MIRROR, checkpoints(workDir));
        writeVerdicts(out, predictions, blindVerdicts);
        System.out.println("final model (generated + all " + all.size() + " labeled windows), held-out generated:");
        System.out.println(generated.report());
        System.out.println(summary(predictions));
        System.out.println(blindSummary(blindVerdicts));
        System.out.println("SavedModel written to " + out + ", held-out predictions to " + out.resolve(PREDICTIONS));
    }

    private static int positive(String text, String name) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the sentence below
        }
        System.err.println("crossvalidate: " + name + " must be a positive whole number, not '" + text + "'");
        System.exit(2);
        return 0;
    }

    /**
     * Assigns whole files to folds, largest first, each to the fold with the fewest windows so far
     * (ties: the lower fold): deterministic, and balanced enough for a few dozen files.
     */
    static Map<String, Integer> foldsByFile(List<LabeledWindows.Window> windows, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
        }
        Map<String, Integer> perFile = new TreeMap<>();
        windows.forEach(w -> perFile.merge(w.file(), 1, Integer::sum));
        if (perFile.size() < folds) {
            throw new IllegalArgumentException(folds + " folds need at least as many labeled files; the labels cover "
                    + perFile.size() + " (" + perFile.size() + " folds leave one file out at a time)");
        }
        int[] load = new int[folds];
        Map<String, Integer> fold = new TreeMap<>();
        perFile.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed().thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    int lightest = 0;
                    for (int f = 1; f < folds; f++) {
                        if (load[f] < load[lightest]) {
                            lightest = f;
                        }
                    }
                    fold.put(e.getKey(), lightest);
                    load[lightest] += e.getValue();
                });
        return fold;
    }

    static List<Prediction> crossValidate(Path workDir, int perClass, int epochs, int folds,
            Map<String, List<LabeledWindows.Window>> sets) throws Exception {
        return crossValidate(workDir, perClass, epochs, folds, sets, List.of(), Map.of(), new ArrayList<>());
    }

    /**
     * As above; the {@code trainOnly} windows are learnt from by every fold model that does not
     * hold their file out (all, for a file no judged window comes from), and each window of the
     * {@code blind} sets is judged, into {@code blindVerdicts}, by the fold model that never saw its
     * file (fold 0's when no judged window comes from it).
     */
    static List<Prediction> crossValidate(Path workDir, int perClass, int epochs, int folds,
            Map<String, List<LabeledWindows.Window>> sets, List<LabeledWindows.Window> trainOnly,
            Map<String, List<LabeledWindows.Window>> blind, List<Prediction> blindVerdicts) throws Exception {
        List<LabeledWindows.Window> all = new ArrayList<>();
        Map<String, String> setOf = new LinkedHashMap<>();
        sets.forEach((name, windows) -> windows.forEach(w -> {
            all.add(w);
            setOf.put(w.id(), name);
        }));
        Map<String, Integer> foldOf = foldsByFile(all, folds);
        List<Prediction> predictions = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int fold = f;
            List<LabeledWindows.Window> train = trainingWindows(all, trainOnly, foldOf, fold);
            List<LabeledWindows.Window> test = all.stream().filter(w -> foldOf.get(w.file()) == fold).toList();
            System.out.printf(Locale.ROOT, "fold %d: %d windows held out (%d files), %d to train on%n", fold, test.size(),
                    test.stream().map(LabeledWindows.Window::file).distinct().count(), train.size());
            Path dir = workDir.resolve("fold-" + fold);
            TrainPatternModel.trainEnsemble(dir, perClass, epochs, train, TrainPatternModel.MEMBERS, TrainPatternModel.MIRROR,
                    checkpoints(workDir));
            try (DjlPatternClassifier classifier = DjlPatternClassifier.load(dir)) {
                judge(classifier, fold, test, w -> setOf.get(w.id()), predictions);
                blind.forEach((name, windows) -> judge(classifier, fold,
                        windows.stream().filter(w -> foldOf.getOrDefault(w.file(), 0) == fold).toList(), w -> name,
                        blindVerdicts));
            }
        }
        return predictions;
    }

    /** What fold {@code fold}'s model learns from: every judged and training-only window whose file it does not hold out. */
    static List<LabeledWindows.Window> trainingWindows(List<LabeledWindows.Window> judged, List<LabeledWindows.Window> trainOnly,
            Map<String, Integer> foldOf, int fold) {
        return java.util.stream.Stream.concat(judged.stream(), trainOnly.stream())
                .filter(w -> foldOf.getOrDefault(w.file(), -1) != fold).toList();
    }

    /**
     * Where the networks' generated-only epochs are kept: they do not depend on the labeled windows,
     * so every fold and the final model share them (per seed), and only the fine-tuning is per fold.
     */
    static Path checkpoints(Path workDir) {
        return workDir.resolve("generated-only");
    }

    private static void judge(DjlPatternClassifier classifier, int fold, List<LabeledWindows.Window> windows,
            java.util.function.Function<LabeledWindows.Window, String> setName, List<Prediction> into) {
        List<DjlPatternClassifier.Result> results = classifier.classify(windows.stream().map(LabeledWindows.Window::values).toList());
        for (int i = 0; i < windows.size(); i++) {
            LabeledWindows.Window w = windows.get(i);
            DjlPatternClassifier.Result r = results.get(i);
            into.add(new Prediction(w.id(), setName.apply(w), w.file(), fold, w.label(), r.pattern(), r.confidence()));
        }
    }

    /**
     * A run without a model writes only verdicts: into a model folder they would stand beside a
     * SavedModel that did not make them (the shipped model's own verdicts overwritten), so such a
     * folder is refused before any training.
     */
    static void checkVerdictsOnlyTarget(Path out) {
        if (Files.exists(out.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException(out + " holds a SavedModel: a crossval.only run would replace its verdicts with"
                    + " those of networks it does not serve; name another folder");
        }
    }

    /** {@code crossval.tsv} into {@code out}, and {@code blind.tsv} when there are blind verdicts. */
    private static void writeVerdicts(Path out, List<Prediction> predictions, List<Prediction> blindVerdicts) throws IOException {
        write(out.resolve(PREDICTIONS), predictions);
        if (!blindVerdicts.isEmpty()) {
            write(out.resolve(BLIND_PREDICTIONS), blindVerdicts);
        }
    }

    static void write(Path file, List<Prediction> predictions) throws IOException {
        StringBuilder text = new StringBuilder("id\tset\tfile\tfold\tlabel\tpredicted\tconfidence\n");
        for (Prediction p : predictions) {
            text.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%s\t%s\t%.3f%n", p.id(), p.set(), p.file(), p.fold(),
                    p.label(), p.predicted(), p.confidence()));
        }
        Files.writeString(file, text);
    }

    static List<Prediction> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            if (f.length != 7) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 7 tab-separated fields, got " + f.length);
            }
            predictions.add(new Prediction(f[0], f[1], f[2], Integer.parseInt(f[3]), PatternClass.valueOf(f[4]),
                    PatternClass.valueOf(f[5]), Double.parseDouble(f[6])));
        }
        return predictions;
    }

    static Evaluation evaluation(List<Prediction> predictions) {
        int n = PatternClass.values().length;
        int[][] confusion = new int[n][n];
        predictions.forEach(p -> confusion[p.label().ordinal()][p.predicted().ordinal()]++);
        return new Evaluation(confusion);
    }

    /** Accuracy and misses of the blind sets' verdicts (empty when there are none). */
    static String blindSummary(List<Prediction> verdicts) {
        if (verdicts.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        appendPooled(text, String.format(Locale.ROOT,
                "blind windows (never trained on; each judged by a model that never saw its NAB file): %d windows", verdicts.size()),
                "nab_blind", verdicts);
        appendMisses(text, verdicts);
        return text.toString();
    }

    /** Pooled and per-set accuracy of held-out predictions, with the pooled confusion matrix and the misses. */
    static String summary(List<Prediction> predictions) {
        StringBuilder text = new StringBuilder();
        long folds = predictions.stream().mapToInt(Prediction::fold).distinct().count();
        appendPooled(text, String.format(Locale.ROOT,
                "real windows, each judged by a model that never saw its NAB file (%d folds by file): %d windows", folds,
                predictions.size()), "nab_crossval", predictions);
        Map<String, List<Prediction>> bySet = new LinkedHashMap<>();
        predictions.forEach(p -> bySet.computeIfAbsent(p.set(), k -> new ArrayList<>()).add(p));
        bySet.forEach((set, list) -> text.append(String.format(Locale.ROOT, "  %s: %d windows, accuracy %.4f%n", set,
                list.size(), evaluation(list).accuracy())));
        appendMisses(text, predictions);
        return text.toString();
    }

    /** The title, the pooled confusion matrix, and the {@code evaluate.<metric>.*} lines. */
    private static void appendPooled(StringBuilder text, String title, String metric, List<Prediction> predictions) {
        Evaluation pooled = evaluation(predictions);
        text.append(String.format(Locale.ROOT, "%s%n", title)).append(pooled.report()).append('\n');
        text.append(String.format(Locale.ROOT, "evaluate.%s.accuracy %.4f%nevaluate.%s.macro_f1 %.4f%n"
                + "evaluate.%s.type_accuracy %.4f%n", metric, pooled.accuracy(), metric, pooled.macroF1(), metric,
                pooled.typeAccuracy()));
        text.append("how often each confidence was right:\n").append(Reliability.of(predictions, Reliability.EDGES).report());
    }

    private static void appendMisses(StringBuilder text, List<Prediction> predictions) {
        predictions.stream().filter(p -> p.label() != p.predicted()).forEach(p -> text.append(String.format(Locale.ROOT,
                "  miss %s (fold %d): labeled %s, model %s (%.2f)%n", p.id(), p.fold(), p.label(), p.predicted(), p.confidence())));
    }
}
