package io.patternscope.classifier.service;

import io.patternscope.patternmodel.DjlPatternClassifier;
import java.util.List;

/** The trained CNN, served through DJL's TensorFlow engine. */
public final class CnnPatternModel implements PatternModel, AutoCloseable {

    private final DjlPatternClassifier classifier;

    public CnnPatternModel(DjlPatternClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public String version() {
        return classifier.version();
    }

    @Override
    public List<Classification> classify(List<double[]> series) {
        return classifier.classify(series).stream()
                .map(r -> new Classification(r.pattern().name(), r.confidence(), r.probabilities(), r.uncertain())).toList();
    }

    @Override
    public void close() {
        classifier.close();
    }
}
