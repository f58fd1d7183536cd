package io.patternscope.patternmodel;

import io.patternscope.core.patterns.PatternPreprocessor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What a pattern network takes and how far it narrows it: each series prepared by
 * {@link PatternPreprocessor} to {@code length} buckets (every model up to pattern-cnn@6: 128), and
 * the pooling after the second convolution, {@code middlePool} (2 for every model up to @7; 4 lets
 * the third, costliest convolution run at half the positions), and {@code globalPool}: whether the
 * dense layer also sees each last-layer filter's maximum and mean over the whole window (false for
 * every model up to @7, whose dense layer sees each position's filters only, so a feature found at a
 * position training rarely put it is a new input to it). A model folder names other values in
 * {@code model.properties} ({@value #LENGTH}, {@value #MIDDLE_POOL}, {@value #GLOBAL_POOL}), so
 * training, folding and serving build and feed the network alike.
 */
public record ModelInput(int length, int middlePool, boolean globalPool) {

    /** The bucket counts a network takes, the first the standard one. */
    private static final int[] LENGTHS = {PatternPreprocessor.MODEL_LENGTH, 256};
    /** The poolings after the second convolution a network may have, the first the standard one. */
    private static final int[] MIDDLE_POOLS = {2, 4};
    /** The input of every model up to pattern-cnn@6, and of a model folder that names none. */
    public static final ModelInput STANDARD = new ModelInput(PatternPreprocessor.MODEL_LENGTH);
    /** The {@code model.properties} key of the bucket count. */
    public static final String LENGTH = "input-length";
    /** The {@code model.properties} key of the pooling after the second convolution. */
    public static final String MIDDLE_POOL = "middle-pool";
    /** The {@code model.properties} key of the whole-window maximum and mean beside the positions. */
    public static final String GLOBAL_POOL = "global-pool";

    public ModelInput {
        if (length != LENGTHS[0] && length != LENGTHS[1]) {
            throw new IllegalArgumentException(mustBe(LENGTH, LENGTHS, Integer.toString(length)));
        }
        if (middlePool != MIDDLE_POOLS[0] && middlePool != MIDDLE_POOLS[1]) {
            throw new IllegalArgumentException(mustBe(MIDDLE_POOL, MIDDLE_POOLS, Integer.toString(middlePool)));
        }
    }

    /** {@code length} buckets, pooled by 2 after the second convolution (every model up to @7). */
    public ModelInput(int length) {
        this(length, MIDDLE_POOLS[0]);
    }

    /** {@code length} buckets, {@code middlePool} after the second convolution, positions only. */
    public ModelInput(int length, int middlePool) {
        this(length, middlePool, false);
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
    int[] poolings() {
        return new int[] {length / 64, middlePool, 2};
    }

    /** The positions the poolings leave for the dense layer. */
    int flatPositions() {
        int positions = length;
        for (int pool : poolings()) {
            positions /= pool;
        }
        return positions;
    }

    /** The input named in a model folder's {@code model.properties} ({@code source}, for the error's sentence). */
    static ModelInput of(Properties p, Path source) {
        try {
            return new ModelInput(number(p, LENGTH, LENGTHS), number(p, MIDDLE_POOL, MIDDLE_POOLS), flag(p, GLOBAL_POOL));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** The whole number under {@code key}, the standard {@code allowed[0]} when absent. */
    private static int number(Properties p, String key, int[] allowed) {
        String text = p.getProperty(key, Integer.toString(allowed[0])).trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(mustBe(key, allowed, text), e);
        }
    }

    /** The true or false under {@code key}, false when absent. */
    private static boolean flag(Properties p, String key) {
        String text = p.getProperty(key, "false").trim();
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, not '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static String mustBe(String key, int[] allowed, String text) {
        return key + " must be " + allowed[0] + " or " + allowed[1] + ", not '" + text + "'";
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
        if (globalPool) {
            lines.append(String.format(Locale.ROOT, "%s=true%n", GLOBAL_POOL));
        }
        return lines.toString();
    }
}
