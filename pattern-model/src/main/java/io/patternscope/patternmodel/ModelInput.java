package io.patternscope.patternmodel;

import io.patternscope.core.patterns.PatternPreprocessor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What a pattern network takes: each series prepared by {@link PatternPreprocessor} to
 * {@code length} buckets (every model up to pattern-cnn@6: 128). A model folder names another
 * length in {@code model.properties} ({@value #LENGTH}), so training and serving prepare series alike.
 */
public record ModelInput(int length) {

    /** The input of every model up to pattern-cnn@6, and of a model folder that names none. */
    public static final ModelInput STANDARD = new ModelInput(PatternPreprocessor.MODEL_LENGTH);
    /** The {@code model.properties} key of the bucket count. */
    public static final String LENGTH = "input-length";

    public ModelInput {
        if (length != 128 && length != 256) {
            throw new IllegalArgumentException("the pattern model takes 128 or 256 buckets, not " + length);
        }
    }

    /** The series as the network takes it. */
    public float[] prepare(double[] values) {
        return PatternPreprocessor.prepare(values, length);
    }

    /**
     * The pooling after the first convolution: brings any length to 64 positions, so the layers
     * after it (and their cost) are those of the 128-bucket network; only the first layer sees more.
     */
    int firstPool() {
        return length / 64;
    }

    /** The input named in a model folder's {@code model.properties} ({@code source}, for the error's sentence). */
    static ModelInput of(Properties p, Path source) {
        String text = p.getProperty(LENGTH, "128").trim();
        try {
            return new ModelInput(Integer.parseInt(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + LENGTH + " must be 128 or 256, not '" + text + "'", e);
        }
    }

    /** The {@code model.properties} line that names this input; none for {@link #STANDARD}. */
    String properties() {
        return equals(STANDARD) ? "" : String.format(Locale.ROOT, "%s=%d%n", LENGTH, length);
    }
}
