package io.patternscope.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** report-service's own settings (the analyses' limits are {@link AnalysisConfig}). */
@ConfigMapping(prefix = "patternscope.report")
public interface ReportConfig {

    /** Consumer threads applying pipeline events. */
    @WithDefault("2")
    int workers();
}
