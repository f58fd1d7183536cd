package io.patternscope.core.api;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/analyses}, as documented in the OpenAPI. report-service parses the
 * raw JSON itself (AnalysisRequestParser) so that every bad field gets its own sentence; this record
 * is the contract both sides and the docs refer to.
 *
 * @param cluster       cluster (tenant) name from the cluster table
 * @param alert         the alert to analyse: the window ends at its activeAt
 * @param window        an explicit window instead of (or on top of) an alert
 * @param testMargin    ISO-8601 duration the test window extends past the alert's activeAt (default PT0S)
 * @param testWindow    ISO-8601 duration of the test window before the end (default PT1H or a third of the window)
 * @param step          ISO-8601 step (default: 15 s, coarser for long windows)
 * @param selectors     PromQL series selectors to include (default: every series of the cluster)
 * @param exclude       PromQL series selectors to leave out
 * @param fdrLevel      Benjamini–Hochberg level (default 0.01)
 * @param minEffectSize minimum robust median shift (default 3)
 * @param maxSeries     series cap (default 20,000); reaching it makes the analysis PARTIAL
 * @param discordThreshold a matrix-profile discord score (0 to √2) at or above which a series is a
 *                      finding on its own, whatever its KS test says (default: none; discords are
 *                      scored and listed, and make no finding alone)
 * @param reference     what the test window is compared with: PRECEDING (default, the window before
 *                      it), DAILY or WEEKLY (the same clock time 1–3 days or weeks earlier), AUTO
 *                      (per series: a day or a week when the metric repeats itself, else PRECEDING);
 *                      the test window must be shorter than the period
 */
public record AnalysisRequestBody(String cluster, Alert alert, Window window, String testMargin, String testWindow,
                                  String step,
                                  List<String> selectors, List<String> exclude, Double fdrLevel, Double minEffectSize,
                                  Integer maxSeries, Double discordThreshold, String reference) {

    /** @param activeAt RFC 3339 time or epoch seconds */
    public record Alert(String name, Map<String, String> labels, String activeAt) {
    }

    /** @param start RFC 3339 time or epoch seconds */
    public record Window(String start, String end) {
    }
}
