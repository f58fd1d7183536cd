package io.patternscope.patternmodel;

import io.patternscope.core.patterns.PatternPreprocessor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What a pattern network takes: each series prepared by {@link PatternPreprocessor} to
 * {@code length} buckets. A model folder names it in {@code model.properties} ({@value #LENGTH}),
 * so training, folding and serving feed the network alike.
 */
public record ModelInput(int length) {

    /** The bucket counts a network may take: the preprocessor's smallest, and the shipped recipe's. */
    private static final int[] LENGTHS = {PatternPreprocessor.MODEL_LENGTH, 256};
    /** The shipped recipe's input, and that of a model folder that names none. */
    public static final ModelInput STANDARD = new ModelInput(256);
    /** The {@code model.properties} key of the bucket count. */
    public static final String LENGTH = "input-length";
    /** The name of the SavedModel's input tensor: [n, {@link #length()}] floats. */
    public static final String INPUT_TENSOR = "input";
    /** The name of the SavedModel's output tensor: [n, 14] class probabilities. */
    public static final String OUTPUT_TENSOR = "output";

    public ModelInput {
        if (length != LENGTHS[0] && length != LENGTHS[1]) {
            throw new IllegalArgumentException(mustBe(Integer.toString(length)));
        }
    }

    /** The series as the network takes it. */
    public float[] prepare(double[] values) {
        return PatternPreprocessor.prepare(values, length);
    }

    /**
     * The max pooling after each of the three convolutions. The first brings any length to 64
     * positions, so the layers after it (and their cost) are those of the 128-bucket network; only
     * the first layer sees more.
     */
    public int[] poolings() {
        return new int[] {length / 64, 2, 2};
    }

    /** The positions the poolings leave for the dense layer. */
    public int flatPositions() {
        int positions = length;
        for (int pool : poolings()) {
            positions /= pool;
        }
        return positions;
    }

    /** The input named in a model folder's {@code model.properties} ({@code source}, for the error's sentence). */
    public static ModelInput of(Properties p, Path source) {
        String text = p.getProperty(LENGTH, Integer.toString(STANDARD.length)).trim();
        try {
            return new ModelInput(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": " + mustBe(text), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String mustBe(String text) {
        return LENGTH + " must be " + LENGTHS[0] + " or " + LENGTHS[1] + ", not '" + text + "'";
    }

    /** The {@code model.properties} line that names this input. */
    public String properties() {
        return String.format(Locale.ROOT, "%s=%d%n", LENGTH, length);
    }
}
