package io.patternscope.report.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A validated analysis request, ready to be stored.
 *
 * @param stepFromData the request named no step: {@code stepMs} is the finest, and each series is
 *                     read at its own sample spacing when that is coarser
 * @param discordThreshold the discord score that makes a finding alone (null: none does)
 * @param reference    what the test window is compared with: PRECEDING (null too), DAILY, WEEKLY, AUTO
 */
public record NewAnalysis(String cluster, String alertName, Map<String, String> alertLabels, Instant alertAt,
                          Instant start, Instant testStart, Instant end, long stepMs, List<String> selectors,
                          List<String> excludes, double fdrLevel, double minEffectSize, int maxSeries,
                          boolean stepFromData, Double discordThreshold, String reference) {

    public NewAnalysis(String cluster, String alertName, Map<String, String> alertLabels, Instant alertAt,
                       Instant start, Instant testStart, Instant end, long stepMs, List<String> selectors,
                       List<String> excludes, double fdrLevel, double minEffectSize, int maxSeries,
                       boolean stepFromData) {
        this(cluster, alertName, alertLabels, alertAt, start, testStart, end, stepMs, selectors, excludes, fdrLevel,
                minEffectSize, maxSeries, stepFromData, null, null);
    }
}
