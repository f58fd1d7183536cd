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
 * {@link PatternPreprocessor} as in training and classified in batches. Thread-safe: one predictor
 * per call (cheap next to a batch), the model shared.
 */
public final class DjlPatternClassifier implements AutoCloseable {

    /** The class and its probability, with every class's probability. */
    public record Result(PatternClass pattern, double confidence, float[] probabilities) {
    }

    private final ZooModel<NDList, NDList> model;
    private final String version;

    private DjlPatternClassifier(ZooModel<NDList, NDList> model, String version) {
        this.model = model;
        this.version = version;
    }

    /** Loads the SavedModel in {@code dir}; its {@code model.properties} names the version. */
    public static DjlPatternClassifier load(Path dir) {
        TensorFlowNatives.load();
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException("no TensorFlow SavedModel in " + dir.toAbsolutePath());
        }
        String version = "pattern-cnn";
        Path properties = dir.resolve("model.properties");
        if (Files.isRegularFile(properties)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(properties)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + properties + ": " + e.getMessage(), e);
            }
            version = p.getProperty("version", version);
        }
        try {
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(dir).optEngine("TensorFlow").build();
            return new DjlPatternClassifier(criteria.loadModel(), version);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load the pattern model from " + dir + ": " + e.getMessage(), e);
        }
    }

    public String version() {
        return version;
    }

    /** Classifies series of any length (≥ 2 finite values each, see {@link PatternPreprocessor}). */
    public List<Result> classify(List<double[]> series) {
        int length = PatternPreprocessor.MODEL_LENGTH;
        float[] flat = new float[series.size() * length];
        // Preprocessing is per series and independent: spread it over the cores while TF waits.
        java.util.stream.IntStream.range(0, series.size()).parallel().forEach(i ->
                System.arraycopy(PatternPreprocessor.prepare(series.get(i), length), 0, flat, i * length, length));
        return classifyPrepared(flat, series.size());
    }

    /** Classifies already preprocessed rows ({@code n} × 128, row-major). */
    public List<Result> classifyPrepared(float[] flat, int n) {
        List<Result> out = new ArrayList<>(n);
        if (n == 0) {
            return out;
        }
        try (NDManager manager = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray input = manager.create(flat, new Shape(n, PatternPreprocessor.MODEL_LENGTH));
            input.setName(PatternCnn.INPUT);
            float[] probabilities = predictor.predict(new NDList(input)).get(0).toFloatArray();
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
                out.add(new Result(classes[best], row[best], row));
            }
            return out;
        } catch (TranslateException e) {
            throw new IllegalStateException("pattern model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
