package io.patternscope.patternmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/** A model folder names its input; training, folding and serving must all prepare series that way. */
class ModelInputTest {

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
    void aNetworkOfAnotherInputIsServedAndFoldedWithThatInput() throws Exception {
        servesAndFolds(new ModelInput(256));
        assertEquals("", ModelInput.STANDARD.properties(), "folders of the standard input stay as they were");
    }

    @Test
    void aNetworkPoolingMoreInTheMiddleIsServedAndFoldedSo() throws Exception {
        ModelInput narrowing = new ModelInput(256, 4);
        assertEquals(8, narrowing.flatPositions(), "64 positions after the first pooling, then 4 and 2");
        assertEquals(String.format("input-length=256%nmiddle-pool=4%n"), narrowing.properties());
        servesAndFolds(narrowing);
    }

    @Test
    void aNetworkWithWholeWindowSummariesIsServedAndFoldedSo() throws Exception {
        ModelInput summarising = new ModelInput(256, 2, true);
        assertEquals(String.format("input-length=256%nglobal-pool=true%n"), summarising.properties());
        assertEquals(16 * 256 + 2 * 256, PatternCnn.parameterShapes(summarising).get(6).size(0),
                "the dense layer takes the 16 positions' filters and each filter's maximum and mean");
        servesAndFolds(summarising);
    }

    private static void servesAndFolds(ModelInput wide) throws Exception {
        TensorFlowNatives.load();
        Path work = Files.createTempDirectory("ps-input");
        Path network = work.resolve("network");
        try (Graph graph = PatternCnn.build(3, 0.001f, wide); Session session = new Session(graph)) {
            session.initialize();
            TrainPatternModel.export(session, graph, network);
        }
        Files.writeString(network.resolve("model.properties"), wide.properties());
        assertServes(network, wide);

        Path folded = work.resolve("folded");
        EnsemblePatternModel.build(List.of(network, network), true, wide, folded);
        Files.writeString(folded.resolve("model.properties"), wide.properties());
        assertServes(folded, wide);
    }

    @Test
    void aModelFolderNamingAnInputNoNetworkTakesIsRefusedWithASentence() throws Exception {
        Path dir = Files.createTempDirectory("ps-input-bad");
        Files.writeString(dir.resolve("saved_model.pb"), "");
        Files.writeString(dir.resolve("model.properties"), "input-length=100\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(e.getMessage().contains("input-length must be 128 or 256, not '100'"), e.getMessage());
        Files.writeString(dir.resolve("model.properties"), "input-length=long\n");
        e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(e.getMessage().contains("not 'long'"), e.getMessage());
        Files.writeString(dir.resolve("model.properties"), "input-length=256\nmiddle-pool=3\n");
        e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(e.getMessage().contains("middle-pool must be 2 or 4, not '3'"), e.getMessage());
        Files.writeString(dir.resolve("model.properties"), "input-length=256\nglobal-pool=yes\n");
        e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(e.getMessage().contains("global-pool must be true or false, not 'yes'"), e.getMessage());
    }
}
