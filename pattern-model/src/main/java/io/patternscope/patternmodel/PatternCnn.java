package io.patternscope.patternmodel;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.patterns.PatternPreprocessor;
import java.util.Arrays;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * PatternMatcher's 1-D CNN as a TensorFlow graph: input [batch, 128] (the preprocessed series) →
 * three Conv1D layers of 64, 128, 256 filters, kernel 5, ReLU, each followed by max pooling of 2 →
 * dense 64 (ReLU) → dense 14 → softmax. Conv1D is written as a 2-D convolution over an image of
 * height 1. Weights start from a seeded truncated normal (He scaling), so training is reproducible.
 */
public final class PatternCnn {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    public static final String LABELS = "labels";
    public static final String TRAIN = "train";
    public static final String LOSS = "loss";
    public static final int CLASSES = PatternClass.values().length;
    static final int[] FILTERS = {64, 128, 256};
    static final int KERNEL = 5;
    static final int DENSE = 64;

    private PatternCnn() {
    }

    /** Builds the graph with its Adam training op; returns the graph, ready for a Session. */
    public static Graph build(long seed, float learningRate) {
        Graph graph = new Graph();
        Ops tf = Ops.create(graph);
        int length = PatternPreprocessor.MODEL_LENGTH;
        Placeholder<TFloat32> input = tf.withName(INPUT).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, length)));
        Placeholder<TInt32> labels = tf.withName(LABELS).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));

        Operand<TFloat32> x = tf.reshape(input, tf.array(-1, 1, length, 1));
        int channels = 1;
        long layerSeed = seed;
        for (int filters : FILTERS) {
            Variable<TFloat32> w = weights(tf, new int[] {1, KERNEL, channels, filters}, KERNEL * channels, layerSeed++);
            Variable<TFloat32> b = tf.variable(tf.fill(tf.array(filters), tf.constant(0.0f)));
            x = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, w, Arrays.asList(1L, 1L, 1L, 1L), "SAME"), b));
            x = tf.nn.maxPool(x, tf.array(1, 1, 2, 1), tf.array(1, 1, 2, 1), "SAME");
            channels = filters;
        }
        int flat = (length / 8) * channels;
        Operand<TFloat32> flattened = tf.reshape(x, tf.array(-1, flat));
        Variable<TFloat32> w1 = weights(tf, new int[] {flat, DENSE}, flat, layerSeed++);
        Variable<TFloat32> b1 = tf.variable(tf.fill(tf.array(DENSE), tf.constant(0.0f)));
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(flattened, w1), b1));
        Variable<TFloat32> w2 = weights(tf, new int[] {DENSE, CLASSES}, DENSE, layerSeed);
        Variable<TFloat32> b2 = tf.variable(tf.fill(tf.array(CLASSES), tf.constant(0.0f)));
        Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(hidden, w2), b2);
        tf.withName(OUTPUT).nn.softmax(logits);

        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(CLASSES), tf.constant(1.0f), tf.constant(0.0f));
        Operand<TFloat32> loss = tf.withName(LOSS).math.mean(
                tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
        new Adam(graph, learningRate, 0.9f, 0.999f, 1e-7f).minimize(loss, TRAIN);
        return graph;
    }

    private static Variable<TFloat32> weights(Ops tf, int[] shape, int fanIn, long seed) {
        float scale = (float) Math.sqrt(2.0 / fanIn);
        return tf.variable(tf.math.mul(tf.random.truncatedNormal(tf.array(shape), TFloat32.class,
                TruncatedNormal.seed(seed).seed2(seed + 1)), tf.constant(scale)));
    }
}
