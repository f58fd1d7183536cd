package io.patternscope.core.wire;

import java.util.List;

/**
 * One shard of an analysis's fetch: the series of some metric names, taken by whichever fetcher
 * replica pulls it. Its batches are numbered {@code shardNo × SHARD_BATCH_SPAN + k}.
 *
 * @param seriesIds the discovered series of the shard (after exclusions and the cap)
 */
public record FetchShard(String analysisId, AnalysisRequested request, int shardNo, int shardCount, List<String> metrics,
                         List<String> seriesIds) {

    /** Batch numbers reserved per shard. */
    public static final int SHARD_BATCH_SPAN = 100_000;
}
