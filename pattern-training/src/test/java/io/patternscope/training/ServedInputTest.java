package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.patternscope.patternmodel.DjlPatternClassifier;
import io.patternscope.patternmodel.ModelInput;
import io.patternscope.patternmodel.TensorFlowNatives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/** A model folder names its input; training, folding and serving must all prepare series that way. */
class ServedInputTest {

    private static List<double[]> series() {
        List<double[]> series = new ArrayList<>();
        for (int n : new int[] {40, 300, 900}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = Math.sin(i / 7.0) + (i > n / 2 ? 3 : 0);
            }
            series.add(v);
        }
        return series;
    }

    private static void assertServes(Path dir, ModelInput expected) {
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(dir)) {
            assertEquals(expected, classifier.input());
            List<DjlPatternClassifier.Result> results = classifier.classify(series());
            assertEquals(3, results.size());
            for (DjlPatternClassifier.Result r : results) {
                float sum = 0;
                for (float p : r.probabilities()) {
                    sum += p;
                }
                assertEquals(1f, sum, 1e-4f, "a softmax over the classes");
            }
        }
    }

    @Test
    void eachInputIsServedAndFoldedWithThatInput() throws Exception {
        servesAndFolds(new ModelInput(128));
        servesAndFolds(ModelInput.STANDARD);
        assertEquals(String.format("input-length=256%n"), ModelInput.STANDARD.properties());
        assertEquals(16, ModelInput.STANDARD.flatPositions(), "64 positions after the first pooling, then 2 and 2");
    }

    private static void servesAndFolds(ModelInput input) throws Exception {
        TensorFlowNatives.load();
        Path work = Files.createTempDirectory("ps-input");
        Path network = work.resolve("network");
        try (Graph graph = PatternCnn.build(3, 0.001f, input); Session session = new Session(graph)) {
            session.initialize();
            TrainPatternModel.export(session, graph, network);
        }
        Files.writeString(network.resolve("model.properties"), input.properties());
        assertServes(network, input);

        Path folded = work.resolve("folded");
        EnsemblePatternModel.build(List.of(network, network), true, input, folded);
        Files.writeString(folded.resolve("model.properties"), input.properties());
        assertServes(folded, input);
    }
}
