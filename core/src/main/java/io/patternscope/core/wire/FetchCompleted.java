package io.patternscope.core.wire;

import java.util.List;

/**
 * Published once by the fetcher when every batch of an analysis has been published. Together with
 * the per-batch messages it lets report-service know, without timers, when the analysis is done.
 *
 * @param batches        number of {@link SeriesBatch} messages published (0..batches-1)
 * @param partialReasons why the analysis covers less than asked (cap reached, a read failed); empty if complete
 * @param failure        set when nothing could be fetched at all (tenant unreachable, bad selector)
 */
public record FetchCompleted(String analysisId, int discovered, int fetched, int batches,
                             String method, List<String> partialReasons, String failure) {

    public FetchCompleted {
        partialReasons = partialReasons == null ? List.of() : List.copyOf(partialReasons);
    }
}
