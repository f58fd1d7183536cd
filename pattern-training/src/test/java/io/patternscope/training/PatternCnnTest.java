package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.patternmodel.ModelInput;
import io.patternscope.patternmodel.TensorFlowNatives;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The training graph: the shipped network's shapes, and a training step that learns. */
class PatternCnnTest {

    private static final int BATCH = 8;

    private static TFloat32 inputs() {
        float[] x = new float[BATCH * ModelInput.STANDARD.length()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 + 0.5 * Math.sin(i * 0.37));
        }
        return TFloat32.tensorOf(Shape.of(BATCH, ModelInput.STANDARD.length()), DataBuffers.of(x, true, false));
    }

    private static TInt32 labels() {
        int[] y = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            y[i] = (i * 5) % PatternCnn.CLASSES;
        }
        return TInt32.tensorOf(Shape.of(BATCH), DataBuffers.of(y, true, false));
    }

    /** Every parameter's values, in {@link PatternCnn#parameterShapes} order. */
    private static List<float[]> parameters(Session session) {
        Session.Runner fetch = session.runner();
        int count = PatternCnn.parameterShapes(ModelInput.STANDARD).size();
        for (int i = 0; i < count; i++) {
            fetch.fetch(EnsemblePatternModel.trainedName(i));
        }
        List<float[]> values = new ArrayList<>();
        try (Result result = fetch.run()) {
            for (int i = 0; i < count; i++) {
                TFloat32 t = (TFloat32) result.get(i);
                float[] v = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(v, false, false));
                values.add(v);
            }
        }
        return values;
    }

    private static float loss(Session session, TFloat32 x, TInt32 y) {
        try (Result result = session.runner().feed(PatternCnn.INPUT, x).feed(PatternCnn.LABELS, y).fetch(PatternCnn.LOSS).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    @Test
    void theNetworkHasTheShippedShapes() {
        List<Shape> shapes = PatternCnn.parameterShapes(ModelInput.STANDARD);
        assertEquals(2 * PatternCnn.FILTERS.length + 4, shapes.size(), "three convolutions and two dense layers, each with its bias");
        assertEquals(Shape.of(1, PatternCnn.KERNEL, 1, 64), shapes.get(0));
        assertEquals(Shape.of(16 * 256, PatternCnn.DENSE), shapes.get(6), "16 positions of 256 filters into the dense layer");
        assertEquals(Shape.of(PatternCnn.DENSE, PatternCnn.CLASSES), shapes.get(8));
    }

    @Test
    void trainingStepsLowerTheLossAndMoveEveryParameter() {
        TensorFlowNatives.load();
        try (Graph graph = PatternCnn.build(5, 0.001f, ModelInput.STANDARD); Session session = new Session(graph);
             TFloat32 x = inputs(); TInt32 y = labels()) {
            session.initialize();
            List<float[]> before = parameters(session);
            float first = loss(session, x, y);
            for (int step = 0; step < 20; step++) {
                session.runner().feed(PatternCnn.INPUT, x).feed(PatternCnn.LABELS, y).addTarget(PatternCnn.TRAIN).run().close();
            }
            float last = loss(session, x, y);
            assertTrue(last < first, "loss " + first + " → " + last);
            List<float[]> after = parameters(session);
            for (int i = 0; i < before.size(); i++) {
                assertFalse(Arrays.equals(before.get(i), after.get(i)), "parameter " + i + " learnt nothing");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        TensorFlowNatives.load();
        List<float[]> a;
        List<float[]> b;
        try (Graph graph = PatternCnn.build(9, 0.001f, ModelInput.STANDARD); Session session = new Session(graph)) {
            session.initialize();
            a = parameters(session);
        }
        try (Graph graph = PatternCnn.build(9, 0.001f, ModelInput.STANDARD); Session session = new Session(graph)) {
            session.initialize();
            b = parameters(session);
        }
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
        }
    }
}
