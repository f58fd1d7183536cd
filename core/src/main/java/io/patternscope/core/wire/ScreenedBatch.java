package io.patternscope.core.wire;

import java.util.List;

/**
 * Screening (and, on {@code events.classified}, classification) results for one fetched batch;
 * carries every series of the batch so the report can count statuses and run Benjamini–Hochberg
 * over all p-values of the analysis.
 *
 * @param model name and version of the pattern model that classified the batch, or {@code none}
 */
public record ScreenedBatch(String analysisId, int batchNo, String model, List<ScreenedSeries> series) {
}
