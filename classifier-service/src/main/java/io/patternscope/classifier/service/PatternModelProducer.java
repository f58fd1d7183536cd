package io.patternscope.classifier.service;

import io.patternscope.classifier.config.ClassifierConfig;
import io.patternscope.patternmodel.DjlPatternClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Loads the SavedModel from {@code patternscope.classifier.model-dir}; without one, reports UNCLASSIFIED. */
@ApplicationScoped
public class PatternModelProducer {

    private static final Logger LOG = Logger.getLogger(PatternModelProducer.class);

    @Produces
    @Singleton
    PatternModel model(ClassifierConfig config) {
        Path dir = Path.of(config.modelDir());
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            LOG.warnf("no pattern model in %s: changed series will be reported UNCLASSIFIED", dir.toAbsolutePath());
            return new NoPatternModel();
        }
        DjlPatternClassifier classifier = DjlPatternClassifier.load(dir);
        LOG.infof("pattern model %s loaded from %s", classifier.version(), dir.toAbsolutePath());
        return new CnnPatternModel(classifier);
    }

    void close(@Disposes PatternModel model) throws Exception {
        if (model instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
