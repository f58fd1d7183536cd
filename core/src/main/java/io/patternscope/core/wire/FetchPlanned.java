package io.patternscope.core.wire;

import java.util.List;

/**
 * Published once per analysis by the fetcher that discovered its series: how many shards will
 * report a {@link FetchCompleted}. With the shards' batch counts, report-service knows exactly how
 * many batches to wait for.
 *
 * @param failure set when nothing will be fetched (unknown cluster, discovery failed, breaker open);
 *                then {@code shards} is 0
 */
public record FetchPlanned(String analysisId, int discovered, int shards, List<String> partialReasons, String failure) {

    public FetchPlanned {
        partialReasons = partialReasons == null ? List.of() : List.copyOf(partialReasons);
    }
}
