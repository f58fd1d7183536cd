package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.DjlPatternClassifier;
import io.patternscope.patternmodel.ModelInput;
import io.patternscope.patternmodel.TensorFlowNatives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains the pattern CNN on generated series (plus labeled real windows, when given) with a fixed
 * seed, keeps the epoch that does best on a validation set (training settings, its own seed),
 * reports accuracy on a held-out set generated with another seed and noisier settings (never used
 * to choose anything), and exports it as a TensorFlow SavedModel (signature
 * {@code serving_default}: input {@code input} [n, {@link ModelInput#length()}] float → output
 * {@code output} [n, 14] probabilities). The system properties below are the shipped recipe's
 * parameters; their defaults reproduce it ({@link CrossValidatePatternModel} is the command).
 */
public final class TrainPatternModel {

    public static final long SEED = 20211025L;
    /** Seeds the training data, initial weights and batch order; the validation and held-out sets keep theirs. */
    static final long TRAINING_SEED = Long.getLong("patternscope.train.seed", SEED);
    static final int BATCH = 64;
    /**
     * With real windows: epochs on generated + real after the generated-only ones (0: real windows
     * mixed in from the start, where each window is seen so often that the model learns the windows
     * rather than the labeler's standard). Cross-validated: 1 → 0.814, 2 → 0.822, 3 → 0.795.
     */
    static final int FINE_TUNE_EPOCHS = Integer.getInteger("patternscope.train.fineTuneEpochs", 2);
    /**
     * Networks in {@link #trainEnsemble}'s second look (crossvalidate's models), each from its own
     * seed. Cross-validated on the labeled windows, with the second look below 0.99: one network
     * 0.806, two 0.822, three 0.818 (so two: as good, and cheaper); single networks from different
     * seeds spread by four points (0.775, 0.806, 0.764), which averaging evens out.
     */
    static final int MEMBERS = Integer.getInteger("patternscope.train.members", 2);
    /** Whether {@link #trainEnsemble}'s second look also asks each network about the series upside down. */
    static final boolean MIRROR = Boolean.parseBoolean(System.getProperty("patternscope.serve.mirror", "true"));
    /**
     * First verdicts less confident than this get {@link #trainEnsemble}'s second look. 0.99,
     * cross-validated with two networks: 0.95 → 0.802, 0.99 → 0.822, every window → 0.818; about
     * a quarter of the real windows a network never saw, and a twelfth of held-out generated
     * series, are looked at twice.
     */
    static final double SECOND_LOOK_BELOW = Double.parseDouble(System.getProperty("patternscope.serve.secondLookBelow", "0.99"));
    /**
     * Served verdicts less confident than this are flagged uncertain: held-out verdicts on real
     * windows below 0.7 are right far less often than the others ({@code ./patternscope evaluate}
     * prints both for any model that carries its held-out verdicts).
     */
    static final double UNCERTAIN_BELOW = Double.parseDouble(System.getProperty("patternscope.serve.uncertainBelow", "0.7"));
    /** The networks' input: 256 buckets (cross-validated 0.833 / 0.798 / 0.837 over three seed pairs, 128's 0.822 / 0.798 / 0.787). */
    static final ModelInput INPUT = ModelInput.STANDARD;
    /** The version {@link #trainEnsemble} writes into {@code model.properties}: travels with every result. */
    static final String VERSION = System.getProperty("patternscope.model.version", "pattern-cnn@7");
    /**
     * Resume an interrupted ensemble run: members already exported under {@code out-members/} are
     * kept, not retrained, and so are a cross-validation's generated-only checkpoints (otherwise
     * deleted at its start). Only for the same code, labels and arguments as the interrupted run —
     * or, for the checkpoints alone, the same code and generator settings (experiments on the real
     * windows copy them into a fresh {@code OUT-folds/}).
     */
    static final boolean RESUME = Boolean.getBoolean("patternscope.train.resume");
    /**
     * Share of the training set made of (repeated) labeled real windows, when any are given: half
     * (cross-validated at 1,000 per class and 8 epochs, mixed in from the start: 0.1 → 0.729,
     * 0.3 → 0.752, 0.5 → 0.764, 0.7 → 0.733; at 3,000 per class and 16 epochs 0.5 gave 0.733, each
     * window seen ~6× as often).
     */
    static final double REAL_SHARE = Double.parseDouble(System.getProperty("patternscope.train.realShare", "0.5"));

    /** The prefix of a generated-only checkpoint's files in its folder. */
    private static final String CHECKPOINT = "session";

    private TrainPatternModel() {
    }

    /** Preprocessed inputs and their class indices. */
    record Dataset(float[][] inputs, int[] labels) {
    }

    /** Trains on generated series only; see {@link #train(Path, int, int, List)}. */
    public static Evaluation train(Path out, int perClass, int epochs) throws Exception {
        return train(out, perClass, epochs, List.of());
    }

    /**
     * Trains, exports the SavedModel to {@code out}, and returns the held-out evaluation. Labeled
     * real windows, when given, join the generated series, repeated so that they make up
     * {@link #REAL_SHARE} of the training set.
     */
    public static Evaluation train(Path out, int perClass, int epochs, List<LabeledWindows.Window> real) throws Exception {
        return train(out, perClass, epochs, real, TRAINING_SEED, null);
    }

    /**
     * {@code members} networks trained as {@link #train(Path, int, int, List)}, the first from
     * {@link #TRAINING_SEED}, each next one from the seed after (kept in {@code out-members/}),
     * served as {@link DjlPatternClassifier} reads them: the first network in {@code out} (weights
     * only), and, for series it is less than {@link #SECOND_LOOK_BELOW} sure of, a second look by
     * all of them, each also asked about the series upside down when {@code mirror}
     * ({@link EnsemblePatternModel}). Returns the served model's held-out evaluation. One member
     * without mirroring: a plain model, as {@link #train(Path, int, int, List)}.
     */
    public static Evaluation trainEnsemble(Path out, int perClass, int epochs, List<LabeledWindows.Window> real,
            int members, boolean mirror) throws Exception {
        return trainEnsemble(out, perClass, epochs, real, members, mirror, null);
    }

    /**
     * As above; with {@code checkpoints} (a folder, or null), each network's generated-only epochs
     * are trained once per seed and settings, kept there, and later trainings with the same ones
     * start from that checkpoint (see {@link #trainNetwork}).
     */
    static Evaluation trainEnsemble(Path out, int perClass, int epochs, List<LabeledWindows.Window> real,
            int members, boolean mirror, Path checkpoints) throws Exception {
        if (members == 1 && !mirror) {
            return train(out, perClass, epochs, real, TRAINING_SEED, checkpoints);
        }
        List<Path> dirs = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            Path dir = out.resolveSibling(out.getFileName() + "-members").resolve("member-" + k);
            if (RESUME && Files.isRegularFile(dir.resolve("saved_model.pb"))) {
                System.out.printf(Locale.ROOT, "member %d of %d: kept from the interrupted run in %s%n", k + 1, members, dir);
            } else {
                System.out.printf(Locale.ROOT, "member %d of %d (seed %d)%n", k + 1, members, TRAINING_SEED + k);
                trainNetwork(dir, perClass, epochs, real, TRAINING_SEED + k, checkpoints);
            }
            dirs.add(dir);
        }
        EnsemblePatternModel.build(dirs.subList(0, 1), false, INPUT, out);
        EnsemblePatternModel.build(dirs, mirror, INPUT, out.resolve(DjlPatternClassifier.SECOND_LOOK));
        Files.writeString(out.resolve("model.properties"), String.format(Locale.ROOT,
                "version=%s%n# first looks below this confidence are decided by %s/ (%d network(s)%s)%n%s=%s%n"
                        + "# verdicts below this confidence are flagged uncertain (./patternscope evaluate: how often they were right)%n%s=%s%n%s",
                VERSION, DjlPatternClassifier.SECOND_LOOK, members, mirror ? ", each also upside down" : "",
                DjlPatternClassifier.SECOND_LOOK_BELOW, SECOND_LOOK_BELOW, DjlPatternClassifier.UNCERTAIN_BELOW,
                UNCERTAIN_BELOW, INPUT.properties()));
        try (DjlPatternClassifier served = DjlPatternClassifier.load(out)) {
            return EvaluatePatternModel.generated(served, heldOutPerClass(perClass));
        }
    }

    /** The held-out set's size per class: a fifth of training's, at least 50. */
    static int heldOutPerClass(int perClass) {
        return Math.max(50, perClass / 5);
    }

    /**
     * {@link #trainNetwork}, then the exported network's accuracy on the held-out generated set.
     */
    static Evaluation train(Path out, int perClass, int epochs, List<LabeledWindows.Window> real, long seed,
            Path checkpoints) throws Exception {
        trainNetwork(out, perClass, epochs, real, seed, checkpoints);
        // The kept epoch, evaluated once on the held-out set, through the exported SavedModel.
        try (SavedModelBundle bundle = SavedModelBundle.load(out.toString(), "serve")) {
            return evaluate(bundle.session(), heldOut(heldOutPerClass(perClass), INPUT));
        }
    }

    /**
     * Trains one network as {@link #train(Path, int, int, List)} does, with {@code seed} for the
     * training data, weights and order, and exports it to {@code out}. The generated-only epochs do
     * not depend on the real windows, so with fine-tuning and a {@code checkpoints} folder they are
     * trained once: the session (weights and Adam's state) is saved after them, and a later training
     * with the same seed, size, epochs and settings restores it, replays the batch-order shuffles it
     * skips, and fine-tunes from there — the weights come out bit-identical, and a cross-validation
     * trains each seed's generated epochs once instead of per fold.
     */
    static void trainNetwork(Path out, int perClass, int epochs, List<LabeledWindows.Window> real, long seed,
            Path checkpoints) throws Exception {
        TensorFlowNatives.load();
        long t0 = System.nanoTime();
        PatternSeriesGenerator.Settings settings = PatternSeriesGenerator.Settings.training();
        Dataset generated = dataset(seed, settings, perClass, true, INPUT);
        Dataset train = real.isEmpty() ? generated
                : concat(generated, realExamples(real, realRepeats(generated.labels().length, real.size()), seed));
        Dataset validation = dataset(SEED + 2, PatternSeriesGenerator.Settings.training(), Math.max(30, perClass / 10),
                false, INPUT);
        double bestValidation = -1;
        System.out.printf(Locale.ROOT, "data: %d training (%d of them %d real windows, repeated) (%.1f s)%n",
                train.labels().length, train.labels().length - generated.labels().length, real.size(),
                (System.nanoTime() - t0) / 1e9);
        // With fine-tuning, the real windows come in only after the generated-only epochs, and every
        // fine-tuning epoch is kept (the generated validation set cannot judge them).
        int fineTune = real.isEmpty() ? 0 : FINE_TUNE_EPOCHS;
        Path checkpoint = fineTune > 0 && checkpoints != null ? checkpoints.resolve(String.format(Locale.ROOT,
                "seed-%d-perclass-%d-epochs-%d-length-%d", seed, perClass, epochs, INPUT.length())) : null;
        boolean restore = checkpoint != null && Files.isRegularFile(checkpoint.resolve(CHECKPOINT + ".index"));
        try (Graph graph = PatternCnn.build(seed, 0.001f, INPUT); Session session = new Session(graph)) {
            Random order = new Random(seed);
            int first = 1;
            if (restore) {
                session.restore(checkpoint.resolve(CHECKPOINT).toString());
                List<Integer> skipped = new ArrayList<>(Collections.nCopies(generated.labels().length, 0));
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    Collections.shuffle(skipped, order); // same draws as the epochs' shuffles: same size
                }
                first = epochs + 1;
                System.out.printf(Locale.ROOT, "epochs 1–%d (generated only): restored from %s%n", epochs, checkpoint);
            }
            for (int epoch = first; epoch <= epochs + fineTune; epoch++) {
                long e0 = System.nanoTime();
                boolean tuning = epoch > epochs;
                Dataset data = fineTune > 0 && !tuning ? generated : train;
                List<Integer> indices = new ArrayList<>();
                for (int i = 0; i < data.labels().length; i++) {
                    indices.add(i);
                }
                Collections.shuffle(indices, order);
                double lossSum = 0;
                int batches = 0;
                for (int from = 0; from < indices.size(); from += BATCH) {
                    List<Integer> batch = indices.subList(from, Math.min(indices.size(), from + BATCH));
                    try (TFloat32 x = inputs(data.inputs(), batch); TInt32 y = labels(data.labels(), batch);
                         Result result = session.runner().feed(PatternCnn.INPUT, x).feed(PatternCnn.LABELS, y)
                                 .addTarget(PatternCnn.TRAIN).fetch(PatternCnn.LOSS).run()) {
                        lossSum += ((TFloat32) result.get(0)).getFloat();
                        batches++;
                    }
                }
                double validationAccuracy = evaluate(session, validation).accuracy();
                boolean best = tuning || validationAccuracy > bestValidation;
                if (best) {
                    bestValidation = validationAccuracy;
                    export(session, graph, out);
                }
                System.out.printf(Locale.ROOT, "epoch %d: loss %.4f, validation accuracy %.4f%s (%.1f s)%n", epoch,
                        lossSum / batches, validationAccuracy, best ? ", kept" : "", (System.nanoTime() - e0) / 1e9);
                if (epoch == epochs && checkpoint != null) {
                    Files.createDirectories(checkpoint);
                    session.save(checkpoint.resolve(CHECKPOINT).toString());
                }
            }
        }
        Files.writeString(out.resolve("model.properties"), INPUT.properties());
    }

    /**
     * The held-out generated set: another seed and noisier settings than training, never used to
     * choose anything; {@code perClass} series of each class.
     */
    static Dataset heldOut(int perClass, ModelInput input) {
        return dataset(SEED + 1, PatternSeriesGenerator.Settings.evaluation(), perClass, false, input);
    }

    static Dataset dataset(long seed, PatternSeriesGenerator.Settings settings, int perClass, boolean augment, ModelInput input) {
        PatternSeriesGenerator generator = new PatternSeriesGenerator(seed, settings, List.of());
        Random random = new Random(seed ^ 0x5DEECE66DL);
        PatternClass[] classes = PatternClass.values();
        float[][] inputs = new float[classes.length * perClass][];
        int[] labels = new int[inputs.length];
        int k = 0;
        for (PatternClass c : classes) {
            for (int i = 0; i < perClass; i++) {
                LabeledSeries s = generator.next(c);
                if (augment) {
                    if (random.nextBoolean()) {
                        s = PatternSeriesGenerator.mirror(s);
                    }
                    if (random.nextDouble() < 0.3) {
                        s = PatternSeriesGenerator.withNoise(s, 0.5, random);
                    }
                    s = PatternSeriesGenerator.scaled(s, Math.exp(random.nextGaussian()), random.nextGaussian() * 100);
                }
                inputs[k] = input.prepare(s.values());
                labels[k++] = s.label().ordinal();
            }
        }
        return new Dataset(inputs, labels);
    }

    static int realRepeats(int generated, int real) {
        return Math.max(1, (int) Math.round(REAL_SHARE * generated / (1 - REAL_SHARE) / real));
    }

    /**
     * Each real window {@code repeats} times, each copy a little different: mirrored half the time
     * (the label mirrored with it, as for generated series) and its first 0–5 % cut off, which
     * moves every resampling bucket's edges. Later cuts could remove the change itself.
     */
    static Dataset realExamples(List<LabeledWindows.Window> windows, int repeats, long seed) {
        Random random = new Random(seed ^ 0xA11CEL);
        float[][] inputs = new float[windows.size() * repeats][];
        int[] labels = new int[inputs.length];
        int k = 0;
        for (LabeledWindows.Window w : windows) {
            for (int r = 0; r < repeats; r++) {
                int cut = r == 0 ? 0 : random.nextInt(w.values().length / 20 + 1);
                double[] values = java.util.Arrays.copyOfRange(w.values(), cut, w.values().length);
                LabeledSeries s = new LabeledSeries(w.label(), values, -1, 0);
                if (random.nextBoolean()) {
                    s = PatternSeriesGenerator.mirror(s);
                }
                inputs[k] = INPUT.prepare(s.values());
                labels[k++] = s.label().ordinal();
            }
        }
        return new Dataset(inputs, labels);
    }

    static Dataset concat(Dataset a, Dataset b) {
        float[][] inputs = java.util.Arrays.copyOf(a.inputs(), a.inputs().length + b.inputs().length);
        System.arraycopy(b.inputs(), 0, inputs, a.inputs().length, b.inputs().length);
        int[] labels = java.util.Arrays.copyOf(a.labels(), a.labels().length + b.labels().length);
        System.arraycopy(b.labels(), 0, labels, a.labels().length, b.labels().length);
        return new Dataset(inputs, labels);
    }

    static TFloat32 inputs(float[][] all, List<Integer> batch) {
        int length = all[batch.get(0)].length;
        float[] flat = new float[batch.size() * length];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(all[batch.get(i)], 0, flat, i * length, length);
        }
        return TFloat32.tensorOf(Shape.of(batch.size(), length), DataBuffers.of(flat, true, false));
    }

    private static TInt32 labels(int[] all, List<Integer> batch) {
        int[] y = new int[batch.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = all[batch.get(i)];
        }
        return TInt32.tensorOf(Shape.of(y.length), DataBuffers.of(y, true, false));
    }

    static Evaluation evaluate(Session session, Dataset data) {
        int[][] confusion = new int[PatternCnn.CLASSES][PatternCnn.CLASSES];
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < data.labels().length; i++) {
            all.add(i);
        }
        for (int from = 0; from < all.size(); from += 256) {
            List<Integer> batch = all.subList(from, Math.min(all.size(), from + 256));
            try (TFloat32 x = inputs(data.inputs(), batch);
                 Result result = session.runner().feed(PatternCnn.INPUT, x).fetch(PatternCnn.OUTPUT).run()) {
                TFloat32 probabilities = (TFloat32) result.get(0);
                for (int i = 0; i < batch.size(); i++) {
                    int best = 0;
                    for (int c = 1; c < PatternCnn.CLASSES; c++) {
                        if (probabilities.getFloat(i, c) > probabilities.getFloat(i, best)) {
                            best = c;
                        }
                    }
                    confusion[data.labels()[batch.get(i)]][best]++;
                }
            }
        }
        return new Evaluation(confusion);
    }

    static void export(Session session, Graph graph, Path out) throws Exception {
        deleteTree(out);
        Signature signature = Signature.builder().key(Signature.DEFAULT_KEY)
                .input(PatternCnn.INPUT, graph.operation(PatternCnn.INPUT).output(0))
                .output(PatternCnn.OUTPUT, graph.operation(PatternCnn.OUTPUT).output(0)).build();
        SavedModelBundle.exporter(out.toString()).withFunction(session.function(signature)).export();
    }

    /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
