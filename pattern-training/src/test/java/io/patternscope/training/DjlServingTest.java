package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.DjlPatternClassifier;
import io.patternscope.patternmodel.ModelInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Train a small model with TF Java, export it, and serve it through DJL: both must agree. */
class DjlServingTest {

    private static Path modelDir;
    private static Evaluation evaluation;

    @BeforeAll
    static void trainSmallModel() throws Exception {
        modelDir = Files.createTempDirectory("ps-model").resolve("pattern-cnn");
        evaluation = TrainPatternModel.train(modelDir, 60, 2);
    }

    @Test
    void trainingLearnsSomethingAndExportsASavedModel() {
        assertTrue(Files.isRegularFile(modelDir.resolve("saved_model.pb")));
        assertTrue(evaluation.accuracy() > 3.0 / PatternCnn.CLASSES, "better than chance: " + evaluation.accuracy());
    }

    @Test
    void djlServingMatchesTensorFlowJavaOnTheSameModel() throws Exception {
        PatternSeriesGenerator generator = new PatternSeriesGenerator(3, PatternSeriesGenerator.Settings.evaluation(), List.of());
        List<double[]> series = new ArrayList<>();
        for (PatternClass c : PatternClass.values()) {
            series.add(generator.next(c).values());
        }
        int length = ModelInput.STANDARD.length();
        float[] flat = new float[series.size() * length];
        for (int i = 0; i < series.size(); i++) {
            System.arraycopy(ModelInput.STANDARD.prepare(series.get(i)), 0, flat, i * length, length);
        }
        List<DjlPatternClassifier.Result> viaDjl;
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(modelDir)) {
            viaDjl = classifier.classify(series);
        }
        try (SavedModelBundle bundle = SavedModelBundle.load(modelDir.toString(), "serve");
             TFloat32 x = TFloat32.tensorOf(Shape.of(series.size(), length), DataBuffers.of(flat, true, false));
             Result result = bundle.session().runner().feed(PatternCnn.INPUT, x).fetch(PatternCnn.OUTPUT).run()) {
            TFloat32 p = (TFloat32) result.get(0);
            for (int i = 0; i < series.size(); i++) {
                float sum = 0;
                for (int c = 0; c < PatternCnn.CLASSES; c++) {
                    assertEquals(p.getFloat(i, c), viaDjl.get(i).probabilities()[c], 1e-5, "series " + i + " class " + c);
                    sum += viaDjl.get(i).probabilities()[c];
                }
                assertEquals(1.0, sum, 1e-4);
            }
        }
    }
}
