package io.patternscope.report.config;

import io.patternscope.core.features.ProfileLearning;
import io.patternscope.core.features.ProfileMatcher;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How features profiles match and learn ({@link ProfileMatcher}, {@link ProfileLearning}); the defaults are theirs. */
@ConfigMapping(prefix = "patternscope.profiles")
public interface ProfilesConfig {

    /** Ionosphere's features-sum rule: how far the sums may differ, in % of the profile's. */
    @WithDefault("1.0")
    double sumPercent();

    /** How far each end of the ranges may differ, in % of the profile's range, for the min–max scaled check. */
    @WithDefault("15.0")
    double rangePercent();

    /** The largest feature distance of a match (0.15: measured by {@code ./patternscope bench profiles}). */
    @WithDefault("0.15")
    double maxDistance();

    /** The oldest generation a learnt profile may have. */
    @WithDefault("3")
    int maxGeneration();

    /** The largest feature distance at which a match of a learning profile becomes a new profile. */
    @WithDefault("0.10")
    double learnDistance();

    default ProfileMatcher.Settings matching() {
        return new ProfileMatcher.Settings(sumPercent(), rangePercent(), maxDistance());
    }

    default ProfileLearning learning() {
        return new ProfileLearning(maxGeneration(), learnDistance());
    }
}
