package io.patternscope.core.wire;

import java.util.List;

/**
 * Published once per shard when all its batches are out. Together with {@link FetchPlanned} and the
 * per-batch messages it lets report-service know, without timers, when the analysis is done.
 *
 * @param batches        number of {@link SeriesBatch} messages this shard published
 * @param method         how the series were read: remote_read_chunks, remote_read_samples or query_range
 * @param partialReasons why the shard covers less than asked; empty if complete
 * @param failure        set when the shard fetched nothing at all
 */
public record FetchCompleted(String analysisId, int shardNo, int fetched, int batches, String method,
                             List<String> partialReasons, String failure) {

    public FetchCompleted {
        partialReasons = partialReasons == null ? List.of() : List.copyOf(partialReasons);
    }
}
