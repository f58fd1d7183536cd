package io.patternscope.core.wire;

import java.util.List;

/**
 * The work order for one analysis, published once by report-service after the analysis is stored.
 * All times are epoch milliseconds. The test window is {@code [testStartMs, endMs]}, the reference
 * window {@code [startMs, testStartMs)}.
 *
 * @param selectors PromQL series selectors to include (empty: every series of the cluster)
 * @param excludes  PromQL series selectors whose series are left out
 * @param maxSeries cap on discovered series; reaching it makes the analysis PARTIAL
 * @param screening the KS screening parameters chosen for this analysis
 */
public record AnalysisRequested(
        String analysisId,
        String cluster,
        long startMs,
        long testStartMs,
        long endMs,
        long stepMs,
        List<String> selectors,
        List<String> excludes,
        int maxSeries,
        ScreeningParameters screening,
        boolean stepFromData) {

    public AnalysisRequested {
        selectors = selectors == null ? List.of() : List.copyOf(selectors);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }
}
