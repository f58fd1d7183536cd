package io.patternscope.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    private static double unsmoothedLoss(TFloat32 p, TInt32 y) {
        double loss = 0;
        for (int i = 0; i < BATCH; i++) {
            loss -= Math.log(p.getFloat(i, y.getInt(i)));
        }
        return loss / BATCH;
    }
}
