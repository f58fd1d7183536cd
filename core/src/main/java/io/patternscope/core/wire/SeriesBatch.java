package io.patternscope.core.wire;

import java.util.List;

/**
 * A byte-bounded batch of fetched series. {@code batchNo} counts from 0 within one analysis and
 * together with the analysis id forms the de-duplication key of every message derived from it.
 */
public record SeriesBatch(String analysisId, long testStartMs, ScreeningParameters screening, int batchNo,
                          List<SeriesData> series) {
}
