package io.patternscope.patternmodel;

import io.patternscope.core.patterns.PatternPreprocessor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What a pattern network takes: each series resampled to {@code length} buckets with
 * {@code channels} values a bucket ({@link PatternPreprocessor#prepare(double[], int, int)}: the
 * bucket's extreme; its mean too). Every model up to pattern-cnn@6 takes 128 × 1. A model folder
 * names other inputs in {@code model.properties} ({@value #LENGTH}, {@value #CHANNELS}), so training
 * and serving prepare series alike.
 */
public record ModelInput(int length, int channels) {

    /** The input of every model so far, and of a model folder that names none. */
    public static final ModelInput STANDARD = new ModelInput(PatternPreprocessor.MODEL_LENGTH, 1);
    /** The {@code model.properties} key of the bucket count. */
    public static final String LENGTH = "input-length";
    /** The {@code model.properties} key of the values a bucket. */
    public static final String CHANNELS = "input-channels";

    public ModelInput {
        if (length != 128 && length != 256) {
            throw new IllegalArgumentException("the pattern model takes 128 or 256 buckets, not " + length);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("the pattern model's input has 1 or 2 channels, not " + channels);
        }
    }

    /** Floats per prepared series. */
    public int width() {
        return length * channels;
    }

    /** The series as the network takes it. */
    public float[] prepare(double[] values) {
        return PatternPreprocessor.prepare(values, length, channels);
    }

    /**
     * The pooling after the first convolution: brings any length to 64 positions, so the layers
     * after it (and their cost) are those of the 128-bucket network.
     */
    int firstPool() {
        return length / 64;
    }

    /** The input named in a model folder's {@code model.properties} ({@code source}, for the error's sentence). */
    static ModelInput of(Properties p, Path source) {
        try {
            return new ModelInput(Integer.parseInt(p.getProperty(LENGTH, "128").trim()),
                    Integer.parseInt(p.getProperty(CHANNELS, "1").trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + LENGTH + " must be 128 or 256 and " + CHANNELS
                    + " 1 or 2 (" + e.getMessage() + ")", e);
        }
    }

    /** The {@code model.properties} lines that name this input; none for {@link #STANDARD}. */
    String properties() {
        return equals(STANDARD) ? "" : String.format(Locale.ROOT, "%s=%d%n%s=%d%n", LENGTH, length, CHANNELS, channels);
    }
}
