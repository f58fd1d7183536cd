package io.patternscope.patternmodel;

import io.patternscope.core.patterns.PatternPreprocessor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What a pattern network takes and how far it narrows it: each series prepared by
 * {@link PatternPreprocessor} to {@code length} buckets (every model up to pattern-cnn@6: 128), and
 * the pooling after the second convolution, {@code middlePool} (2 for every model up to @7; 4 lets
 * the third, costliest convolution run at half the positions). A model folder names other values
 * in {@code model.properties} ({@value #LENGTH}, {@value #MIDDLE_POOL}), so training, folding and
 * serving build and feed the network alike.
 */
public record ModelInput(int length, int middlePool) {

    /** The input of every model up to pattern-cnn@6, and of a model folder that names none. */
    public static final ModelInput STANDARD = new ModelInput(PatternPreprocessor.MODEL_LENGTH);
    /** The {@code model.properties} key of the bucket count. */
    public static final String LENGTH = "input-length";
    /** The {@code model.properties} key of the pooling after the second convolution. */
    public static final String MIDDLE_POOL = "middle-pool";

    public ModelInput {
        if (length != 128 && length != 256) {
            throw new IllegalArgumentException("the pattern model takes 128 or 256 buckets, not " + length);
        }
        if (middlePool != 2 && middlePool != 4) {
            throw new IllegalArgumentException("the pooling after the second convolution is 2 or 4, not " + middlePool);
        }
    }

    /** {@code length} buckets, pooled by 2 after the second convolution (every model up to @7). */
    public ModelInput(int length) {
        this(length, 2);
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

    /** The positions left for the dense layer: 64 after the first pooling, then the middle one and the last (2). */
    int flatPositions() {
        return 64 / middlePool / 2;
    }

    /** The input named in a model folder's {@code model.properties} ({@code source}, for the error's sentence). */
    static ModelInput of(Properties p, Path source) {
        return new ModelInput(number(p, source, LENGTH, 128, 256), number(p, source, MIDDLE_POOL, 2, 4));
    }

    /** The value of {@code key}: {@code standard} when absent, else {@code standard} or {@code other}. */
    private static int number(Properties p, Path source, String key, int standard, int other) {
        String text = p.getProperty(key, Integer.toString(standard)).trim();
        try {
            int value = Integer.parseInt(text);
            if (value == standard || value == other) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the sentence below
        }
        throw new IllegalArgumentException(source + ": " + key + " must be " + standard + " or " + other + ", not '" + text + "'");
    }

    /** The {@code model.properties} lines that name this input; none for {@link #STANDARD}. */
    String properties() {
        StringBuilder lines = new StringBuilder();
        if (length != STANDARD.length) {
            lines.append(String.format(Locale.ROOT, "%s=%d%n", LENGTH, length));
        }
        if (middlePool != STANDARD.middlePool) {
            lines.append(String.format(Locale.ROOT, "%s=%d%n", MIDDLE_POOL, middlePool));
        }
        return lines.toString();
    }
}
