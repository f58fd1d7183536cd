package io.patternscope.patternmodel;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.patterns.PatternPreprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Serves the pattern CNN's SavedModel through DJL's TensorFlow engine, fully offline (natives from
 * the TF Java jar, see {@link TensorFlowNatives}). Series are preprocessed with the same
 * {@link PatternPreprocessor} as in training and classified in batches. A model folder may hold a
 * second SavedModel in {@value #SECOND_LOOK}/ (typically an ensemble that also looks at the
 * series upside down) with {@code second-look-below} in {@code model.properties}: series whose
 * first verdict is less confident than that get the second model's verdict instead, so the extra
 * cost is paid only where the first look is unsure. The input the networks take is named there too
 * ({@link ModelInput}; 256 buckets when it names none), and {@code uncertain-below}: the confidence
 * under which a verdict is flagged uncertain — where the model's held-out verdicts on real windows
 * were right far less often than the others (the model card's reliability table), so an operator knows
 * which names to check against the plot. Thread-safe: one predictor per call (cheap
 * next to a batch), the models shared.
 */
public final class DjlPatternClassifier implements AutoCloseable {

    /** The folder, inside a model folder, of the model asked about unsure series. */
    public static final String SECOND_LOOK = "second-look";
    /** The {@code model.properties} key: first verdicts below this confidence get a second look. */
    public static final String SECOND_LOOK_BELOW = "second-look-below";
    /** The {@code model.properties} key: final verdicts below this confidence are flagged uncertain. */
    public static final String UNCERTAIN_BELOW = "uncertain-below";

    /**
     * The class and its probability, with every class's probability; {@code uncertain}: the
     * confidence is below the model's {@value #UNCERTAIN_BELOW}.
     */
    public record Result(PatternClass pattern, double confidence, float[] probabilities, boolean uncertain) {
    }

    private final ZooModel<NDList, NDList> model;
    private final ZooModel<NDList, NDList> secondLook;
    private final double secondLookBelow;
    private final double uncertainBelow;
    private final ModelInput input;
    private final String version;

    private DjlPatternClassifier(ZooModel<NDList, NDList> model, ZooModel<NDList, NDList> secondLook,
            double secondLookBelow, double uncertainBelow, ModelInput input, String version) {
        this.model = model;
        this.secondLook = secondLook;
        this.secondLookBelow = secondLookBelow;
        this.uncertainBelow = uncertainBelow;
        this.input = input;
        this.version = version;
    }

    /** Loads the SavedModel in {@code dir}; its {@code model.properties} names the version. */
    public static DjlPatternClassifier load(Path dir) {
        TensorFlowNatives.load();
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException("no TensorFlow SavedModel in " + dir.toAbsolutePath());
        }
        Properties p = new Properties();
        Path properties = dir.resolve("model.properties");
        if (Files.isRegularFile(properties)) {
            try (var in = Files.newInputStream(properties)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + properties + ": " + e.getMessage(), e);
            }
        }
        double below = confidenceBelow(p, properties, SECOND_LOOK_BELOW);
        double uncertainBelow = confidenceBelow(p, properties, UNCERTAIN_BELOW);
        if (uncertainBelow >= 1) { // every verdict short of certainty flagged: a flag that says nothing
            throw new IllegalArgumentException(properties + ": " + UNCERTAIN_BELOW + " must be below 1, not " + uncertainBelow);
        }
        ModelInput input = ModelInput.of(p, properties);
        Path second = dir.resolve(SECOND_LOOK);
        if (below > 0 && !Files.isRegularFile(second.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException(properties + " asks for a second look, but there is no SavedModel in " + second);
        }
        ZooModel<NDList, NDList> first = savedModel(dir);
        try {
            return new DjlPatternClassifier(first, below > 0 ? savedModel(second) : null, below, uncertainBelow, input,
                    p.getProperty("version", "pattern-cnn"));
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /** A confidence key of {@code model.properties}; 0 when absent (never). */
    private static double confidenceBelow(Properties p, Path properties, String key) {
        String text = p.getProperty(key);
        if (text == null) {
            return 0;
        }
        try {
            double below = Double.parseDouble(text.trim());
            if (below > 0 && below <= 1) {
                return below;
            }
        } catch (NumberFormatException e) {
            // the sentence below
        }
        throw new IllegalArgumentException(properties + ": " + key + " must be a confidence in (0, 1], not '" + text + "'");
    }

    private static ZooModel<NDList, NDList> savedModel(Path dir) {
        try {
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(dir).optEngine("TensorFlow").build();
            return criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load the pattern model from " + dir + ": " + e.getMessage(), e);
        }
    }

    public String version() {
        return version;
    }

    /** Verdicts below this confidence are flagged uncertain; 0 when the model names no such level. */
    public double uncertainBelow() {
        return uncertainBelow;
    }

    /** What the model takes: each prepared row is {@code input().length()} floats. */
    public ModelInput input() {
        return input;
    }

    /** Classifies series of any length (≥ 2 finite values each, see {@link PatternPreprocessor}). */
    public List<Result> classify(List<double[]> series) {
        int length = input.length();
        float[] flat = new float[series.size() * length];
        // Preprocessing is per series and independent: spread it over the cores while TF waits.
        java.util.stream.IntStream.range(0, series.size()).parallel().forEach(i ->
                System.arraycopy(input.prepare(series.get(i)), 0, flat, i * length, length));
        return classifyPrepared(flat, series.size());
    }

    /** Classifies already preprocessed rows ({@code n} × {@code input().length()}, row-major). */
    public List<Result> classifyPrepared(float[] flat, int n) {
        List<Result> out = predict(model, flat, n);
        if (secondLook != null) {
            secondLook(out, flat, n);
        }
        out.replaceAll(r -> r.confidence() < uncertainBelow
                ? new Result(r.pattern(), r.confidence(), r.probabilities(), true) : r);
        return out;
    }

    /** Replaces the first verdicts below {@code second-look-below} with the second model's. */
    private void secondLook(List<Result> out, float[] flat, int n) {
        int length = input.length();
        List<Integer> unsure = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (out.get(i).confidence() < secondLookBelow) {
                unsure.add(i);
            }
        }
        if (!unsure.isEmpty()) {
            float[] rows = new float[unsure.size() * length];
            for (int j = 0; j < unsure.size(); j++) {
                System.arraycopy(flat, unsure.get(j) * length, rows, j * length, length);
            }
            List<Result> second = predict(secondLook, rows, unsure.size());
            for (int j = 0; j < unsure.size(); j++) {
                out.set(unsure.get(j), second.get(j));
            }
        }
    }

    private List<Result> predict(ZooModel<NDList, NDList> model, float[] flat, int n) {
        List<Result> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        try (NDManager manager = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray rows = manager.create(flat, new Shape(n, input.length()));
            rows.setName(ModelInput.INPUT_TENSOR);
            float[] probabilities = predictor.predict(new NDList(rows)).get(0).toFloatArray();
            PatternClass[] classes = PatternClass.values();
            for (int i = 0; i < n; i++) {
                float[] row = new float[classes.length];
                System.arraycopy(probabilities, i * classes.length, row, 0, classes.length);
                int best = 0;
                for (int c = 1; c < row.length; c++) {
                    if (row[c] > row[best]) {
                        best = c;
                    }
                }
                out.add(new Result(classes[best], row[best], row, false));
            }
            return out;
        } catch (TranslateException e) {
            throw new IllegalStateException("pattern model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
        if (secondLook != null) {
            secondLook.close();
        }
    }
}
