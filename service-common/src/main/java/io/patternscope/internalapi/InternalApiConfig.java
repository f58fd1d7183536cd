package io.patternscope.internalapi;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The internal API's credential ({@code PATTERNSCOPE_INTERNAL_API_CREDENTIAL}); without one, the API refuses every call. */
@ConfigMapping(prefix = "patternscope.internal-api")
public interface InternalApiConfig {

    Optional<String> credential();
}
