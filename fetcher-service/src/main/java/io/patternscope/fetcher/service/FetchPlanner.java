package io.patternscope.fetcher.service;

import io.patternscope.bus.JetStreamBus;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.config.ClusterBackends;
import io.patternscope.core.resilience.CircuitBreaker;
import io.patternscope.core.series.SeriesIds;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.FetchPlanned;
import io.patternscope.core.wire.FetchShard;
import io.patternscope.core.wire.StageProgress;
import io.patternscope.core.wire.Subjects;
import io.patternscope.fetcher.client.BackendException;
import io.patternscope.fetcher.client.ClusterHttpClients;
import io.patternscope.fetcher.client.PrometheusHttpClient;
import io.patternscope.fetcher.config.FetchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The first step of every analysis's fetch: discover the cluster's series in the window
 * ({@code /api/v1/series} with the selectors, minus the exclusions, capped), split them into
 * shards ({@link ShardSplitter}), publish the shards for any fetcher replica to take, and announce
 * the plan with {@link FetchPlanned}. A per-cluster circuit breaker refuses clusters that keep
 * failing, so an unreachable tenant fails its analyses at once instead of tying up the fetchers.
 */
@ApplicationScoped
public class FetchPlanner {

    private static final Logger LOG = Logger.getLogger(FetchPlanner.class);

    private final JetStreamBus bus;
    private final ClusterBackends clusters;
    private final FetchConfig config;
    private final ClusterHttpClients httpClients;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public FetchPlanner(JetStreamBus bus, ClusterBackends clusters, FetchConfig config, ClusterHttpClients httpClients) {
        this.httpClients = httpClients;
        this.bus = bus;
        this.clusters = clusters;
        this.config = config;
    }

    public void plan(AnalysisRequested request) {
        ClusterBackend backend = clusters.find(request.cluster()).orElse(null);
        if (backend == null) {
            announce(request, 0, List.of(), List.of(), "unknown cluster '" + request.cluster() + "' in the fetcher's cluster table");
            return;
        }
        CircuitBreaker breaker = breakers.computeIfAbsent(backend.name(),
                name -> new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor()));
        if (!breaker.allow()) {
            announce(request, 0, List.of(), List.of(), "cluster " + backend.name() + " is failing: its circuit breaker is open after "
                    + config.breakerFailures() + " failed analyses; next try in " + breaker.retryAfter().toSeconds() + " s");
            return;
        }
        List<String> partialReasons = new ArrayList<>();
        Map<String, Map<String, String>> discovered;
        try {
            HttpClient http = httpClients.forCluster(backend);
            discovered = discover(new PrometheusHttpClient(http, backend, config.attempts(), config.backoffMs()), backend,
                    request, partialReasons);
            breaker.recordSuccess();
        } catch (BackendException e) {
            if (e.retryable()) {
                breaker.recordFailure();
            }
            announce(request, 0, List.of(), List.of(), "series discovery failed: " + e.getMessage());
            return;
        }
        bus.publish(Subjects.EVENTS_PROGRESS, request.analysisId() + ":progress:DISCOVERED",
                new StageProgress(request.analysisId(), StageProgress.Stage.DISCOVERED, -1, discovered.size()));
        if (discovered.isEmpty()) {
            announce(request, 0, List.of(), partialReasons, "no series found for cluster '" + request.cluster() + "' in the window");
            return;
        }
        announce(request, discovered.size(), ShardSplitter.split(discovered, config.shardMaxSeries()), partialReasons, null);
    }

    private void announce(AnalysisRequested request, int discovered, List<ShardSplitter.Planned> shards, List<String> reasons,
                          String failure) {
        for (int n = 0; n < shards.size(); n++) {
            ShardSplitter.Planned shard = shards.get(n);
            bus.publish(Subjects.FETCH_SHARD, request.analysisId() + ":shard:" + n,
                    FetchShard.of(request.analysisId(), request, n, shards.size(), shard.metrics(), shard.partition(), shard.ids()));
        }
        bus.publish(Subjects.EVENTS_FETCH_PLANNED, request.analysisId() + ":fetch-planned",
                new FetchPlanned(request.analysisId(), discovered, shards.size(), reasons, failure));
        if (failure != null) {
            LOG.warnf("analysis %s: %s", request.analysisId(), failure);
        } else {
            LOG.infof("analysis %s: %d series in %d shard(s)", request.analysisId(), discovered, shards.size());
        }
    }

    private Map<String, Map<String, String>> discover(PrometheusHttpClient client, ClusterBackend backend,
                                                      AnalysisRequested request, List<String> partialReasons)
            throws BackendException {
        Map<String, Map<String, String>> found = new TreeMap<>();
        for (Map<String, String> labels : client.series(scoped(includes(request), backend), request.startMs(),
                request.endMs())) {
            found.put(SeriesIds.canonical(labels), labels);
        }
        if (!request.excludes().isEmpty()) {
            for (Map<String, String> labels : client.series(scoped(request.excludes(), backend), request.startMs(),
                    request.endMs())) {
                found.remove(SeriesIds.canonical(labels));
            }
        }
        if (found.size() > request.maxSeries()) {
            partialReasons.add("series cap reached: analysed " + request.maxSeries() + " of " + found.size()
                    + " series (raise maxSeries or narrow the selectors)");
            Map<String, Map<String, String>> capped = new TreeMap<>();
            for (Map.Entry<String, Map<String, String>> e : found.entrySet()) {
                if (capped.size() == request.maxSeries()) {
                    break;
                }
                capped.put(e.getKey(), e.getValue());
            }
            return capped;
        }
        return found;
    }

    /** The analysis's selectors, or every series when it names none. */
    static List<String> includes(AnalysisRequested request) {
        return request.selectors().isEmpty() ? List.of("{__name__=~\".+\"}") : request.selectors();
    }

    /** Selectors limited to the cluster: a label matcher on plain Prometheus; Cortex scopes by header. */
    static List<String> scoped(List<String> selectors, ClusterBackend backend) {
        if (backend.tenantMode() == ClusterBackend.TenantMode.HEADER) {
            return selectors;
        }
        return selectors.stream().map(s -> SeriesIds.withMatcher(s, backend.clusterLabel(), backend.tenant())).toList();
    }
}
