package io.patternscope.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** API tokens: how long a lookup is cached and how fast a token, or a failing address, may call. */
@ConfigMapping(prefix = "patternscope.auth")
public interface AuthConfig {

    /** A revoked token keeps working at most this long. */
    @WithDefault("PT30S")
    Duration cacheTtl();

    /** Calls per token. */
    Limit rateLimit();

    /** Failed authentications per client address. */
    FailedLimit failedRateLimit();

    interface Limit {
        @WithDefault("600")
        int perMinute();

        @WithDefault("120")
        int burst();
    }

    interface FailedLimit {
        @WithDefault("30")
        int perMinute();

        @WithDefault("20")
        int burst();
    }
}
