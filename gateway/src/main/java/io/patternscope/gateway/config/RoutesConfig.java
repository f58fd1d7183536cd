package io.patternscope.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the gateway routes each public path. */
@ConfigMapping(prefix = "patternscope.routes")
public interface RoutesConfig {

    /** report-service: /api/v1/analyses/** */
    URI reportService();

    /** classifier-service: /api/v1/patterns/** */
    URI classifierService();

    @WithDefault("PT30S")
    Duration timeout();
}
