package io.patternscope.patternmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** The fine-tuning knobs of the training graph do what they say, and nothing when unfed. */
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

    /** One training step from fresh weights; returns the parameters after it. */
    private static List<float[]> afterOneStep(Float smoothing, Float frozen) {
        return afterOneStep(smoothing, frozen, null);
    }

    private static List<float[]> afterOneStep(Float smoothing, Float frozen, TFloat32 hiddenMask) {
        try (Graph graph = PatternCnn.build(5, 0.001f, ModelInput.STANDARD); Session session = new Session(graph);
             TFloat32 x = inputs(); TInt32 y = labels()) {
            session.initialize();
            Session.Runner step = session.runner().feed(PatternCnn.INPUT, x).feed(PatternCnn.LABELS, y).addTarget(PatternCnn.TRAIN);
            try (TFloat32 s = TFloat32.scalarOf(smoothing == null ? 0f : smoothing);
                 TFloat32 f = TFloat32.scalarOf(frozen == null ? 0f : frozen)) {
                if (smoothing != null) {
                    step.feed(PatternCnn.LABEL_SMOOTHING, s);
                }
                if (frozen != null) {
                    step.feed(PatternCnn.FREEZE_CONVOLUTIONS, f);
                }
                if (hiddenMask != null) {
                    step.feed(PatternCnn.HIDDEN_MASK, hiddenMask);
                }
                step.run().close();
            }
            return parameters(session);
        }
    }

    private static List<float[]> initial() {
        try (Graph graph = PatternCnn.build(5, 0.001f, ModelInput.STANDARD); Session session = new Session(graph)) {
            session.initialize();
            return parameters(session);
        }
    }

    @Test
    void knobsFedWithZeroChangeNoBitOfATrainingStep() {
        TensorFlowNatives.load();
        List<float[]> unfed = afterOneStep(null, null);
        List<float[]> zero = afterOneStep(0f, 0f);
        for (int i = 0; i < unfed.size(); i++) {
            assertArrayEquals(unfed.get(i), zero.get(i), "parameter " + i);
        }
    }

    @Test
    void frozenConvolutionsLearnNothingWhileTheDenseLayersDo() {
        TensorFlowNatives.load();
        List<float[]> before = initial();
        List<float[]> after = afterOneStep(null, 1f);
        int convolutionParameters = 2 * PatternCnn.FILTERS.length;
        for (int i = 0; i < before.size(); i++) {
            boolean moved = !Arrays.equals(before.get(i), after.get(i));
            assertEquals(i >= convolutionParameters, moved, "parameter " + i + (moved ? " moved" : " stayed"));
        }
    }

    @Test
    void aHiddenMaskOfZerosStopsTheFirstDenseLayerLearning() {
        TensorFlowNatives.load();
        List<float[]> before = initial();
        List<float[]> after;
        try (TFloat32 zeros = TFloat32.tensorOf(Shape.of(BATCH, PatternCnn.DENSE),
                DataBuffers.of(new float[BATCH * PatternCnn.DENSE], true, false))) {
            after = afterOneStep(null, null, zeros);
        }
        for (int i = 0; i < before.size(); i++) {
            boolean moved = !Arrays.equals(before.get(i), after.get(i));
            assertEquals(i == before.size() - 1, moved, "parameter " + i + (moved ? " moved" : " stayed")
                    + " (only the output bias learns when every hidden value is dropped)");
        }
        assertEquals(2 * PatternCnn.FILTERS.length + 4, before.size(),
                "weights and biases of three convolutions and two dense layers, the output bias last");
    }

    @Test
    void dropoutKeepsAboutTheRestAndScalesThemUp() {
        try (TFloat32 mask = TrainPatternModel.dropoutMask(100, 0.25, new java.util.Random(7))) {
            int kept = 0;
            for (int r = 0; r < 100; r++) {
                for (int c = 0; c < PatternCnn.DENSE; c++) {
                    float m = mask.getFloat(r, c);
                    if (m != 0) {
                        assertEquals(1 / 0.75f, m, 1e-6f);
                        kept++;
                    }
                }
            }
            assertEquals(0.75, kept / (100.0 * PatternCnn.DENSE), 0.02);
        }
    }

    @Test
    void labelSmoothingSoftensTheTargets() {
        TensorFlowNatives.load();
        float epsilon = 0.3f;
        try (Graph graph = PatternCnn.build(5, 0.001f, ModelInput.STANDARD); Session session = new Session(graph);
             TFloat32 x = inputs(); TInt32 y = labels(); TFloat32 s = TFloat32.scalarOf(epsilon);
             Result result = session.runner().feed(PatternCnn.INPUT, x).feed(PatternCnn.LABELS, y)
                     .feed(PatternCnn.LABEL_SMOOTHING, s).fetch(PatternCnn.LOSS).fetch(PatternCnn.OUTPUT).run()) {
            float loss = ((TFloat32) result.get(0)).getFloat();
            TFloat32 p = (TFloat32) result.get(1);
            // Cross-entropy against (1 − ε)·one-hot + ε/14, from the network's own probabilities.
            double expected = 0;
            for (int i = 0; i < BATCH; i++) {
                int label = y.getInt(i);
                for (int c = 0; c < PatternCnn.CLASSES; c++) {
                    double target = (c == label ? 1 - epsilon : 0) + epsilon / PatternCnn.CLASSES;
                    expected -= target * Math.log(p.getFloat(i, c));
                }
            }
            expected /= BATCH;
            assertEquals(expected, loss, 1e-4);
            assertFalse(Math.abs(expected - unsmoothedLoss(p, y)) < 1e-3, "smoothing changes the loss");
        }
    }

    private static double unsmoothedLoss(TFloat32 p, TInt32 y) {
        double loss = 0;
        for (int i = 0; i < BATCH; i++) {
            loss -= Math.log(p.getFloat(i, y.getInt(i)));
        }
        return loss / BATCH;
    }
}
