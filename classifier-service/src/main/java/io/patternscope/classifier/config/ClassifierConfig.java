package io.patternscope.classifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The classifier's settings. */
@ConfigMapping(prefix = "patternscope.classifier")
public interface ClassifierConfig {

    /** The SavedModel folder; without a model there, changed series are reported UNCLASSIFIED. */
    String modelDir();

    /** Consumer threads pulling screened batches. */
    @WithDefault("2")
    int workers();
}
