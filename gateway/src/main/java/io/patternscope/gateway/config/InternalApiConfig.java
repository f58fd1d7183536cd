package io.patternscope.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The credential the gateway shows the services' internal APIs ({@code PATTERNSCOPE_INTERNAL_API_CREDENTIAL}). */
@ConfigMapping(prefix = "patternscope.internal-api")
public interface InternalApiConfig {

    Optional<String> credential();
}
