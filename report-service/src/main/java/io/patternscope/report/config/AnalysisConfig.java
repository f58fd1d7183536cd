package io.patternscope.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits and defaults for new analyses. */
@ConfigMapping(prefix = "patternscope.analysis")
public interface AnalysisConfig {

    /**
     * An analysis that has made no progress (no event applied) for this long is ended FAILED with a
     * sentence: a lost request or a stage that died for good must not leave it PENDING forever.
     */
    @WithDefault("PT10M")
    Duration stallTimeout();

    /** How often report-service looks for such analyses (and for analyses past their retention). */
    @WithDefault("PT30S")
    Duration sweepInterval();

    /**
     * How long an ended analysis is kept: after this, it is deleted with its series results and
     * progress rows ({@code P0D} keeps every analysis).
     */
    @WithDefault("P30D")
    Duration retention();

    /** Longest window an analysis may cover. */
    @WithDefault("PT24H")
    Duration maxWindow();

    /** Window analysed before an alert when the request gives none. */
    @WithDefault("PT3H")
    Duration defaultLookback();

    /** Test window (just before the alert); the rest of the window is the reference. */
    @WithDefault("PT1H")
    Duration defaultTestWindow();

    /** How far the test window may extend past the alert by default (data after it may still be arriving). */
    @WithDefault("PT0S")
    Duration defaultTestMargin();

    /** Largest margin past the alert a request may ask for. */
    @WithDefault("PT1H")
    Duration maxTestMargin();

    /** Finest step; coarser steps are chosen automatically to keep at most {@link #targetPoints()} points. */
    @WithDefault("PT15S")
    Duration minStep();

    @WithDefault("1440")
    int targetPoints();

    /** Prometheus answers at most 11,000 points per series. */
    @WithDefault("11000")
    int maxPoints();

    @WithDefault("20000")
    int defaultMaxSeries();

    @WithDefault("200000")
    int maxSeriesLimit();

    @WithDefault("0.01")
    double defaultFdrLevel();

    @WithDefault("3.0")
    double defaultMinEffectSize();
}
