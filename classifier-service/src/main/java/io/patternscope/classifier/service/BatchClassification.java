package io.patternscope.classifier.service;

import io.patternscope.core.ranking.PatternWeights;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.resilience.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies the candidates of a screened batch in one model call; the other series pass through
 * unchanged. A candidate with fewer than two finite values cannot be classified and stays
 * UNCLASSIFIED. When the model call throws, the candidates are classified one at a time: a series that
 * still fails stays a candidate, UNCLASSIFIED, with the sentence in its {@code error}; the batch goes on.
 */
@ApplicationScoped
public class BatchClassification {

    private static final Logger LOG = Logger.getLogger(BatchClassification.class);

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
        List<ScreenedSeries> out = new ArrayList<>(batch.series());
        List<PatternModel.Classification> results = classifyTogether(inputs);
        for (int k = 0; k < positions.size(); k++) {
            int i = positions.get(k);
            if (results != null) {
                PatternModel.Classification c = results.get(k);
                out.set(i, out.get(i).withPattern(c.pattern(), c.confidence(), c.uncertain()));
                continue;
            }
            try { // the batch call failed: one series at a time, so only the culprit is left unclassified
                PatternModel.Classification c = model.classify(List.of(inputs.get(k))).get(0);
                out.set(i, out.get(i).withPattern(c.pattern(), c.confidence(), c.uncertain()));
            } catch (RuntimeException e) {
                LOG.warnf(e, "analysis %s batch %d: classifying %s failed", batch.analysisId(), batch.batchNo(),
                        out.get(i).id());
                out.set(i, out.get(i).withPattern(PatternWeights.UNCLASSIFIED, Double.NaN, false)
                        .withError("classification failed: " + Failures.sentence(e)));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            ScreenedSeries s = out.get(i);
            if (s.candidate() && s.pattern() == null) {
                out.set(i, s.withPattern(PatternWeights.UNCLASSIFIED, Double.NaN, false));
            }
        }
        return new ScreenedBatch(batch.analysisId(), batch.batchNo(), model.version(), out);
    }

    /** The model's verdicts for all inputs in one call, or null when that call threw. */
    private List<PatternModel.Classification> classifyTogether(List<double[]> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        try {
            List<PatternModel.Classification> results = model.classify(inputs);
            return results.size() == inputs.size() ? results : null;
        } catch (RuntimeException e) {
            LOG.warnf("classifying %d series together failed (%s); retrying one at a time", inputs.size(), Failures.sentence(e));
            return null;
        }
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
