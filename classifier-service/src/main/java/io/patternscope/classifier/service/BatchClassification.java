package io.patternscope.classifier.service;

import io.patternscope.core.ranking.PatternWeights;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies the candidates of a screened batch in one model call; the other series pass through
 * unchanged. A candidate with fewer than two finite values cannot be classified and stays
 * UNCLASSIFIED.
 */
@ApplicationScoped
public class BatchClassification {

    private final PatternModel model;

    public BatchClassification(PatternModel model) {
        this.model = model;
    }

    public ScreenedBatch classify(ScreenedBatch batch) {
        List<Integer> positions = new ArrayList<>();
        List<double[]> inputs = new ArrayList<>();
        for (int i = 0; i < batch.series().size(); i++) {
            ScreenedSeries s = batch.series().get(i);
            if (s.candidate() && s.values() != null && finiteValues(s.values()) >= 2) {
                positions.add(i);
                inputs.add(s.values());
            }
        }
        List<PatternModel.Classification> results = inputs.isEmpty() ? List.of() : model.classify(inputs);
        List<ScreenedSeries> out = new ArrayList<>(batch.series());
        for (int k = 0; k < positions.size(); k++) {
            int i = positions.get(k);
            PatternModel.Classification c = results.get(k);
            out.set(i, out.get(i).withPattern(c.pattern(), c.confidence(), c.uncertain()));
        }
        for (int i = 0; i < out.size(); i++) {
            ScreenedSeries s = out.get(i);
            if (s.candidate() && s.pattern() == null) {
                out.set(i, s.withPattern(PatternWeights.UNCLASSIFIED, Double.NaN, false));
            }
        }
        return new ScreenedBatch(batch.analysisId(), batch.batchNo(), model.version(), out);
    }

    private static int finiteValues(double[] values) {
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        return n;
    }
}
