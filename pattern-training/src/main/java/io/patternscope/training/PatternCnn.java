package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.patternmodel.ModelInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * PatternMatcher's 1-D CNN as a TensorFlow graph: input [batch, {@link ModelInput#length()}] (the
 * preprocessed series) → three Conv1D layers of 64, 128, 256 filters, kernel 5, ReLU, each followed
 * by max pooling ({@link ModelInput#poolings()}: 4, 2, 2 for the shipped 256 buckets) → dense 64
 * (ReLU) → dense 14 → softmax. Conv1D is written as a 2-D convolution over an image of height 1.
 * Weights start from a seeded truncated normal (He scaling), so training is reproducible.
 */
public final class PatternCnn {

    public static final String INPUT = ModelInput.INPUT_TENSOR;
    public static final String OUTPUT = ModelInput.OUTPUT_TENSOR;
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
    public static Graph build(long seed, float learningRate, ModelInput in) {
        Graph graph = new Graph();
        Ops tf = Ops.create(graph);
        Placeholder<TFloat32> input = input(tf, in);
        Placeholder<TInt32> labels = tf.withName(LABELS).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        // Weights He-scaled by their fan-in (every dimension but the last), each from its own seed;
        // biases start at 0. Created first, in parameterShapes() order (EnsemblePatternModel reads them so).
        List<Operand<TFloat32>> parameters = new ArrayList<>();
        long layerSeed = seed;
        for (Shape shape : parameterShapes(in)) {
            int[] dims = new int[shape.numDimensions()];
            for (int d = 0; d < dims.length; d++) {
                dims[d] = (int) shape.size(d);
            }
            parameters.add(dims.length == 1 ? tf.variable(tf.fill(tf.array(dims), tf.constant(0.0f)))
                    : weights(tf, dims, (int) (shape.size() / dims[dims.length - 1]), layerSeed++));
        }
        Operand<TFloat32> logits = logits(tf, input, in, parameters);
        tf.withName(OUTPUT).nn.softmax(logits);
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(CLASSES), tf.constant(1.0f), tf.constant(0.0f));
        Operand<TFloat32> loss = tf.withName(LOSS).math.mean(
                tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
        new Adam(graph, learningRate, 0.9f, 0.999f, 1e-7f).minimize(loss, TRAIN);
        return graph;
    }

    /**
     * The serving graph: {@code members} copies of the network side by side, each shown the input
     * as it is and, when {@code mirror}, upside down too (1 − x, which is what preprocessing makes
     * of the negated series), that verdict's classes mirrored back (spike ↔ dip, up ↔ down);
     * output the mean of all those softmaxes. Training taught every network both orientations
     * (mirroring is an augmentation), so the two views are two honest opinions. No training op and
     * no optimizer slots, so the SavedModel holds only the weights. Member {@code k}'s parameter
     * {@code i} is variable {@code member<k>_p<i>}, set by feeding {@code member<k>_p<i>_value}
     * to target {@code member<k>_p<i>_assign} (see {@link EnsemblePatternModel}).
     */
    public static Graph ensemble(int members, boolean mirror, ModelInput in) {
        Graph graph = new Graph();
        Ops tf = Ops.create(graph);
        Placeholder<TFloat32> input = input(tf, in);
        Operand<TFloat32> upsideDown = tf.math.sub(tf.constant(1.0f), input);
        int[] mirrored = new int[CLASSES];
        for (PatternClass c : PatternClass.values()) {
            mirrored[c.ordinal()] = c.mirrored().ordinal();
        }
        List<Operand<TFloat32>> probabilities = new ArrayList<>();
        List<Shape> shapes = parameterShapes(in);
        for (int k = 0; k < members; k++) {
            List<Operand<TFloat32>> parameters = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                String name = parameterName(k, i);
                Variable<TFloat32> v = tf.withName(name).variable(shapes.get(i), TFloat32.class);
                tf.withName(name + "_assign").assign(v,
                        tf.withName(name + "_value").placeholder(TFloat32.class, Placeholder.shape(shapes.get(i))));
                parameters.add(v);
            }
            probabilities.add(tf.nn.softmax(logits(tf, input, in, parameters)));
            if (mirror) {
                probabilities.add(tf.gather(tf.nn.softmax(logits(tf, upsideDown, in, parameters)), tf.constant(mirrored),
                        tf.constant(1)));
            }
        }
        tf.withName(OUTPUT).math.div(tf.math.addN(probabilities), tf.constant((float) probabilities.size()));
        return graph;
    }

    /** The name of member {@code k}'s parameter {@code i} in {@link #ensemble(int, boolean, ModelInput)}. */
    static String parameterName(int member, int parameter) {
        return "member" + member + "_p" + parameter;
    }

    /** Shapes of the parameters, in the order {@link #logits} takes them (and training creates them). */
    static List<Shape> parameterShapes(ModelInput in) {
        List<Shape> shapes = new ArrayList<>();
        int channels = 1;
        for (int filters : FILTERS) {
            shapes.add(Shape.of(1, KERNEL, channels, filters));
            shapes.add(Shape.of(filters));
            channels = filters;
        }
        shapes.add(Shape.of(flat(in), DENSE));
        shapes.add(Shape.of(DENSE));
        shapes.add(Shape.of(DENSE, CLASSES));
        shapes.add(Shape.of(CLASSES));
        return shapes;
    }

    private static Placeholder<TFloat32> input(Ops tf, ModelInput in) {
        return tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, in.length())));
    }

    /** The network itself, from [batch, length] inputs and the parameters in {@link #parameterShapes} order. */
    private static Operand<TFloat32> logits(Ops tf, Operand<TFloat32> input, ModelInput in, List<Operand<TFloat32>> p) {
        Operand<TFloat32> x = tf.reshape(input, tf.array(-1, 1, in.length(), 1));
        int i = 0;
        for (int layer = 0; layer < FILTERS.length; layer++) {
            x = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, p.get(i++), Arrays.asList(1L, 1L, 1L, 1L), "SAME"), p.get(i++)));
            int pool = in.poolings()[layer];
            x = tf.nn.maxPool(x, tf.array(1, 1, pool, 1), tf.array(1, 1, pool, 1), "SAME");
        }
        Operand<TFloat32> flattened = tf.reshape(x, tf.array(-1, flat(in)));
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(flattened, p.get(i++)), p.get(i++)));
        return tf.math.add(tf.linalg.matMul(hidden, p.get(i++)), p.get(i));
    }

    /** Values entering the dense layer: the positions the poolings leave, times the last filters. */
    static int flat(ModelInput in) {
        return in.flatPositions() * FILTERS[FILTERS.length - 1];
    }

    private static Variable<TFloat32> weights(Ops tf, int[] shape, int fanIn, long seed) {
        float scale = (float) Math.sqrt(2.0 / fanIn);
        return tf.variable(tf.math.mul(tf.random.truncatedNormal(tf.array(shape), TFloat32.class,
                TruncatedNormal.seed(seed).seed2(seed + 1)), tf.constant(scale)));
    }
}
