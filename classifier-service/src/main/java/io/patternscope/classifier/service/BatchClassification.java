package io.patternscope.classifier.service;

import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Classifies the candidates of a screened batch; the other series pass through unchanged. */
@ApplicationScoped
public class BatchClassification {

    private final PatternModel model;

    public BatchClassification(PatternModel model) {
        this.model = model;
    }

    public ScreenedBatch classify(ScreenedBatch batch) {
        List<ScreenedSeries> out = new ArrayList<>(batch.series().size());
        for (ScreenedSeries series : batch.series()) {
            if (series.candidate() && series.values() != null) {
                PatternModel.Classification c = model.classify(series.values());
                out.add(series.withPattern(c.pattern(), c.confidence()));
            } else {
                out.add(series);
            }
        }
        return new ScreenedBatch(batch.analysisId(), batch.batchNo(), model.version(), out);
    }
}
