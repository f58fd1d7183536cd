package io.patternscope.training;

import io.patternscope.patternmodel.ModelInput;
import io.patternscope.patternmodel.TensorFlowNatives;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;

/**
 * Folds trained pattern CNNs (SavedModels from {@link TrainPatternModel}) into one serving
 * SavedModel ({@link PatternCnn#ensemble(int, boolean, ModelInput)}): the mean of their probabilities, each
 * optionally also asked about the series upside down. Averaging opinions smooths out the quirks
 * each one picked up, and serving stays one model, one signature, one call. The result holds the
 * weights only (no optimizer slots).
 */
public final class EnsemblePatternModel {

    private EnsemblePatternModel() {
    }

    /**
     * Writes the ensemble of {@code members} (networks taking {@code input}) to {@code out},
     * replacing what is there.
     */
    public static void build(List<Path> members, boolean mirror, ModelInput input, Path out) throws Exception {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        TensorFlowNatives.load();
        int parameters = PatternCnn.parameterShapes(input).size();
        try (Graph graph = PatternCnn.ensemble(members.size(), mirror, input); Session session = new Session(graph)) {
            for (int k = 0; k < members.size(); k++) {
                try (SavedModelBundle member = SavedModelBundle.load(members.get(k).toString(), "serve")) {
                    Session.Runner fetch = member.session().runner();
                    for (int i = 0; i < parameters; i++) {
                        fetch.fetch(trainedName(i));
                    }
                    try (Result values = fetch.run()) {
                        Session.Runner assign = session.runner();
                        for (int i = 0; i < parameters; i++) {
                            String name = PatternCnn.parameterName(k, i);
                            assign.feed(name + "_value", values.get(i)).addTarget(name + "_assign");
                        }
                        assign.run().close();
                    }
                }
            }
            TrainPatternModel.export(session, graph, out);
        }
    }

    /**
     * The training graph creates its parameters before anything else, in
     * {@link PatternCnn#parameterShapes} order, under TensorFlow's default names.
     */
    static String trainedName(int parameter) {
        return parameter == 0 ? "Variable" : "Variable_" + parameter;
    }
}
