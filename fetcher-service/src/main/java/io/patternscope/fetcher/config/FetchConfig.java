package io.patternscope.fetcher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "patternscope.fetch")
public interface FetchConfig {

    /** Batches are published once their JSON reaches this size; kept well under NATS's max payload. */
    @WithDefault("262144")
    int maxBatchBytes();

    /** Concurrent requests per analysis to one backend. */
    @WithDefault("8")
    int concurrency();

    /** Attempts per backend request (5xx, 429, connection errors), with exponential back-off. */
    @WithDefault("3")
    int attempts();

    @WithDefault("500")
    long backoffMs();

    /** Consecutive failed analyses of one cluster that open its circuit breaker. */
    @WithDefault("3")
    int breakerFailures();

    /** How long an open breaker refuses a cluster before one trial. */
    @WithDefault("PT30S")
    java.time.Duration breakerOpenFor();

    /** Largest shard, in series; shards hold whole metric names, so one big metric may exceed it. */
    @WithDefault("2500")
    int shardMaxSeries();

    /** Shards fetched in parallel per replica. */
    @WithDefault("2")
    int shardWorkers();

    /** Parallel analyses per replica. */
    @WithDefault("1")
    int workers();
}
