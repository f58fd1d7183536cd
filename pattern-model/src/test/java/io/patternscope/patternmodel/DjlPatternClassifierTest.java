package io.patternscope.patternmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.patterns.PatternClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serves the shipped model folder: its verdicts on unmistakable series, and every bad folder as a sentence. */
class DjlPatternClassifierTest {

    private static final Path SHIPPED = Path.of("..", "models", "pattern-cnn");
    private static DjlPatternClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = DjlPatternClassifier.load(SHIPPED);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    /** 720 points of Gaussian noise around 100, σ 1 (a fixed seed). */
    private static double[] noise(long seed) {
        Random random = new Random(seed);
        double[] v = new double[720];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + random.nextGaussian();
        }
        return v;
    }

    @Test
    void theShippedModelNamesUnmistakablePatterns() {
        double[] shift = noise(1);
        for (int i = 500; i < shift.length; i++) {
            shift[i] += 20;
        }
        double[] spike = noise(2);
        spike[400] += 40;
        double[] dip = noise(3);
        dip[300] -= 40;
        List<DjlPatternClassifier.Result> results = classifier.classify(List.of(shift, spike, dip));
        assertEquals(PatternClass.LEVEL_SHIFT_UP, results.get(0).pattern());
        assertEquals(PatternClass.SINGLE_SPIKE, results.get(1).pattern());
        assertEquals(PatternClass.SINGLE_DIP, results.get(2).pattern());
        for (DjlPatternClassifier.Result r : results) {
            float sum = 0;
            for (float p : r.probabilities()) {
                sum += p;
            }
            assertEquals(1f, sum, 1e-4f, "a softmax over the classes");
            assertEquals(r.confidence(), r.probabilities()[r.pattern().ordinal()], 1e-6);
        }
    }

    @Test
    void theShippedFolderNamesItsVersionInputAndUncertaintyLevel() {
        assertTrue(classifier.version().startsWith("pattern-cnn@"), classifier.version());
        assertEquals(ModelInput.STANDARD, classifier.input());
        assertTrue(classifier.uncertainBelow() > 0 && classifier.uncertainBelow() < 1);
    }

    @Test
    void aFolderWithoutAModelIsASentence() throws Exception {
        Path empty = Files.createTempDirectory("ps-empty");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(empty));
        assertTrue(e.getMessage().contains("no TensorFlow SavedModel"));
    }

    @Test
    void aFolderNamingAnInputNoNetworkTakesIsRefusedWithASentence() throws Exception {
        Path dir = Files.createTempDirectory("ps-input-bad");
        Files.writeString(dir.resolve("saved_model.pb"), "");
        Files.writeString(dir.resolve("model.properties"), "input-length=100\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(e.getMessage().contains("input-length must be 128 or 256, not '100'"), e.getMessage());
        Files.writeString(dir.resolve("model.properties"), "input-length=long\n");
        e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(e.getMessage().contains("not 'long'"), e.getMessage());
    }

    @Test
    void aConfidenceLevelOutsideZeroToOneIsRefusedWithASentence() throws Exception {
        Path dir = Files.createTempDirectory("ps-level-bad");
        Files.writeString(dir.resolve("saved_model.pb"), "");
        Files.writeString(dir.resolve("model.properties"), "uncertain-below=1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(e.getMessage().contains("must be below 1"), e.getMessage());
        Files.writeString(dir.resolve("model.properties"), "second-look-below=often\n");
        e = assertThrows(IllegalArgumentException.class, () -> DjlPatternClassifier.load(dir));
        assertTrue(e.getMessage().contains("second-look-below must be a confidence in (0, 1], not 'often'"), e.getMessage());
    }
}
