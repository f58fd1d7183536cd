package io.patternscope.fetcher.client;

import java.util.Map;

/** One series of a query_range answer, as the backend sent it. */
public record RangeSeries(Map<String, String> labels, long[] timestampsMs, double[] values) {
}
