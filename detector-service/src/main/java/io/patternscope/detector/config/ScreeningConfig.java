package io.patternscope.detector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Data-sufficiency limits; the statistical levels (q, minimum effect) come with each analysis. */
@ConfigMapping(prefix = "patternscope.screening")
public interface ScreeningConfig {

    /** Fewer valid reference points than this → INSUFFICIENT_DATA (20: 2 h of reference at 5-minute resolution still screens). */
    @WithDefault("20")
    int minReferencePoints();

    /** Fewer valid test points than this → INSUFFICIENT_DATA. */
    @WithDefault("10")
    int minTestPoints();

    /** Minimum points on each side of an onset estimate. */
    @WithDefault("5")
    int minSegment();

    /** The longest run of latest points the recent-extremes detector looks at (6: 30 minutes at 5-minute resolution). */
    @WithDefault("6")
    int recentMaxRun();

    /** Batches screened in parallel per replica. */
    @WithDefault("2")
    int workers();
}
