package io.patternscope.fetcher.service;

import io.patternscope.bus.Delivery;
import io.patternscope.bus.JetStreamBus;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.config.ClusterBackends;
import io.patternscope.core.promql.SeriesSelector;
import io.patternscope.core.resilience.CircuitBreaker;
import io.patternscope.core.series.CounterRates;
import io.patternscope.core.series.GridAligner;
import io.patternscope.core.series.SeriesIds;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.core.wire.StageProgress;
import io.patternscope.core.wire.Subjects;
import io.patternscope.fetcher.client.BackendException;
import io.patternscope.fetcher.client.PrometheusHttpClient;
import io.patternscope.fetcher.client.RangeSeries;
import io.patternscope.fetcher.config.FetchConfig;
import io.patternscope.remoteread.RemoteReadClient;
import io.patternscope.remoteread.RemoteReadException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Fetches every series of one analysis: discovers the cluster's series in the window, then reads
 * them with one remote read (streamed XOR chunks, decoded as the frames arrive; a backend may
 * answer with SAMPLES instead), falling back to query_range per metric name for whatever remote
 * read could not deliver (no endpoint, or a failure after retries). Samples go on the analysis
 * grid with PromQL's lookback and staleness rules, counters become rates, and series stream out
 * in byte-bounded batches. Ends with one {@link FetchCompleted} naming the method used, the
 * number of batches and why anything is missing.
 */
@ApplicationScoped
public class AnalysisFetcher {

    private static final Logger LOG = Logger.getLogger(AnalysisFetcher.class);
    static final String METHOD_CHUNKS = "remote_read_chunks";
    static final String METHOD_SAMPLES = "remote_read_samples";
    static final String METHOD_QUERY_RANGE = "query_range";

    private final JetStreamBus bus;
    private final ClusterBackends clusters;
    private final FetchConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService requests;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public AnalysisFetcher(JetStreamBus bus, ClusterBackends clusters, FetchConfig config) {
        this.bus = bus;
        this.clusters = clusters;
        this.config = config;
        this.requests = Executors.newFixedThreadPool(Math.max(1, config.concurrency()));
    }

    @PreDestroy
    void stop() {
        requests.shutdownNow();
    }

    public void fetch(AnalysisRequested request, Delivery delivery) {
        ClusterBackend backend = clusters.find(request.cluster()).orElse(null);
        if (backend == null) {
            complete(request, "none", 0, 0, 0, List.of(), "unknown cluster '" + request.cluster() + "' in the fetcher's cluster table");
            return;
        }
        CircuitBreaker breaker = breakers.computeIfAbsent(backend.name(),
                name -> new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor()));
        if (!breaker.allow()) {
            complete(request, "none", 0, 0, 0, List.of(), "cluster " + backend.name() + " is failing: its circuit breaker is "
                    + "open after " + config.breakerFailures() + " failed analyses; next try in "
                    + breaker.retryAfter().toSeconds() + " s");
            return;
        }
        PrometheusHttpClient client = new PrometheusHttpClient(http, backend, config.attempts(), config.backoffMs());
        List<String> partialReasons = new ArrayList<>();
        Map<String, Map<String, String>> discovered;
        try {
            discovered = discover(client, backend, request, partialReasons);
            breaker.recordSuccess();
        } catch (BackendException e) {
            if (e.retryable()) {
                breaker.recordFailure();
            }
            complete(request, "none", 0, 0, 0, List.of(), "series discovery failed: " + e.getMessage());
            return;
        }
        bus.publish(Subjects.EVENTS_PROGRESS, request.analysisId() + ":progress:DISCOVERED",
                new StageProgress(request.analysisId(), StageProgress.Stage.DISCOVERED, -1, discovered.size()));

        BatchPublisher batches = new BatchPublisher(bus, request.analysisId(), request.testStartMs(), request.screening(),
                config.maxBatchBytes());
        Set<String> emitted = new HashSet<>();
        String method;
        try {
            method = fetchByRemoteRead(backend, request, discovered, batches, emitted, delivery);
        } catch (RemoteReadException e) {
            // No remote read (or it failed even after retries): fetch what is still missing with query_range.
            method = METHOD_QUERY_RANGE;
            if (e.kind() != RemoteReadException.Kind.UNSUPPORTED) {
                LOG.warnf("analysis %s: remote read failed (%s); falling back to query_range", request.analysisId(),
                        e.getMessage());
            }
            Map<String, Map<String, String>> missing = new TreeMap<>(discovered);
            missing.keySet().removeAll(emitted);
            fetchByQueryRange(client, backend, request, missing, batches, delivery, partialReasons);
        }
        batches.flush();
        int missing = discovered.size() - batches.published();
        if (missing > 0 && partialReasons.isEmpty()) {
            partialReasons.add(missing + " discovered series returned no samples in the window");
        }
        complete(request, method, discovered.size(), batches.published(), batches.batches(), partialReasons,
                batches.published() == 0 && discovered.isEmpty() ? "no series found for cluster '" + request.cluster()
                        + "' in the window" : null);
    }

    /**
     * One remote read for the whole cluster (one query per selector), series streamed in as the
     * frames arrive and batched at once: memory holds one frame and one batch.
     */
    private String fetchByRemoteRead(ClusterBackend backend, AnalysisRequested request,
                                     Map<String, Map<String, String>> wanted, BatchPublisher batches, Set<String> emitted,
                                     Delivery delivery) throws RemoteReadException {
        List<List<SeriesSelector.Matcher>> queries = new ArrayList<>();
        List<String> include = request.selectors().isEmpty() ? List.of("{__name__=~\".+\"}") : request.selectors();
        for (String selector : scoped(include, backend)) {
            queries.add(SeriesSelector.parse(selector));
        }
        int points = gridLength(request);
        int[] sinceProgress = {0};
        RemoteReadClient.Answer answer = new RemoteReadClient(http, backend, config.attempts(), config.backoffMs())
                .read(queries, request.startMs() - GridAligner.DEFAULT_LOOKBACK_MS, request.endMs(),
                        (labels, timestamps, values, count) -> {
                            String id = SeriesIds.canonical(labels);
                            if (wanted.containsKey(id) && emitted.add(id)) {
                                double[] grid = GridAligner.align(timestamps, values, count, request.startMs(),
                                        request.stepMs(), points, GridAligner.DEFAULT_LOOKBACK_MS);
                                batches.add(toSeriesData(id, labels, grid, request));
                                if (++sinceProgress[0] == 1000) {
                                    sinceProgress[0] = 0;
                                    delivery.stillWorking();
                                }
                            }
                        });
        return answer == RemoteReadClient.Answer.STREAMED_XOR_CHUNKS ? METHOD_CHUNKS : METHOD_SAMPLES;
    }

    /** One query_range per metric name (each returns all its series in the cluster), several in flight. */
    private void fetchByQueryRange(PrometheusHttpClient client, ClusterBackend backend, AnalysisRequested request,
                                   Map<String, Map<String, String>> wanted, BatchPublisher batches, Delivery delivery,
                                   List<String> partialReasons) {
        Map<String, Set<String>> idsByMetric = new TreeMap<>();
        wanted.forEach((id, labels) -> idsByMetric.computeIfAbsent(labels.getOrDefault("__name__", ""),
                k -> new TreeSet<>()).add(id));
        Map<String, Future<List<RangeSeries>>> inFlight = new LinkedHashMap<>();
        for (String metric : idsByMetric.keySet()) {
            String query = "{" + "__name__=\"" + SeriesIds.escape(metric) + "\""
                    + (backend.tenantMode() == ClusterBackend.TenantMode.LABEL
                    ? "," + backend.clusterLabel() + "=\"" + SeriesIds.escape(backend.tenant()) + "\"" : "") + "}";
            inFlight.put(metric, requests.submit(
                    () -> client.queryRange(query, request.startMs(), request.endMs(), request.stepMs())));
        }
        int gridLength = gridLength(request);
        for (Map.Entry<String, Future<List<RangeSeries>>> entry : inFlight.entrySet()) {
            String metric = entry.getKey();
            Set<String> ids = idsByMetric.get(metric);
            try {
                List<SeriesData> converted = new ArrayList<>();
                for (RangeSeries series : entry.getValue().get()) {
                    String id = SeriesIds.canonical(series.labels());
                    if (ids.contains(id)) {
                        converted.add(onGrid(id, series, request, gridLength));
                    }
                }
                converted.sort((a, b) -> a.id().compareTo(b.id()));
                converted.forEach(batches::add);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                partialReasons.add("could not fetch the " + ids.size() + " series of " + metric + ": " + cause.getMessage());
                LOG.warnf("analysis %s: metric %s failed: %s", request.analysisId(), metric, cause.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching", e);
            }
            delivery.stillWorking();
        }
    }

    private static int gridLength(AnalysisRequested request) {
        return (int) ((request.endMs() - request.startMs()) / request.stepMs()) + 1;
    }

    private Map<String, Map<String, String>> discover(PrometheusHttpClient client, ClusterBackend backend,
                                                      AnalysisRequested request, List<String> partialReasons)
            throws BackendException {
        List<String> include = request.selectors().isEmpty() ? List.of("{__name__=~\".+\"}") : request.selectors();
        Map<String, Map<String, String>> found = new TreeMap<>();
        for (Map<String, String> labels : client.series(scoped(include, backend), request.startMs(), request.endMs())) {
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

    private static List<String> scoped(List<String> selectors, ClusterBackend backend) {
        if (backend.tenantMode() == ClusterBackend.TenantMode.HEADER) {
            return selectors;
        }
        return selectors.stream().map(s -> SeriesIds.withMatcher(s, backend.clusterLabel(), backend.tenant())).toList();
    }

    /** Places query_range samples (already evaluated on the grid) on the analysis grid; missing steps stay NaN. */
    static SeriesData onGrid(String id, RangeSeries series, AnalysisRequested request, int gridLength) {
        double[] values = new double[gridLength];
        Arrays.fill(values, Double.NaN);
        for (int i = 0; i < series.timestampsMs().length; i++) {
            long offset = series.timestampsMs()[i] - request.startMs();
            int index = (int) Math.round((double) offset / request.stepMs());
            if (index >= 0 && index < gridLength) {
                values[index] = series.values()[i];
            }
        }
        return toSeriesData(id, series.labels(), values, request);
    }

    /** Counters (by their name) become per-second rates with reset handling; gauges pass as they are. */
    static SeriesData toSeriesData(String id, Map<String, String> labels, double[] grid, AnalysisRequested request) {
        boolean counter = CounterRates.isCounterName(labels.getOrDefault("__name__", ""));
        return new SeriesData(id, new HashMap<>(labels), request.startMs(), request.stepMs(),
                counter ? CounterRates.toRates(grid, request.stepMs()) : grid,
                counter ? SeriesData.ValueKind.COUNTER_RATE : SeriesData.ValueKind.GAUGE);
    }

    private void complete(AnalysisRequested request, String method, int discovered, int fetched, int batches, List<String> reasons,
                          String failure) {
        if (failure != null) {
            LOG.warnf("analysis %s: %s", request.analysisId(), failure);
        }
        bus.publish(Subjects.EVENTS_FETCH_COMPLETED, request.analysisId() + ":fetch-completed",
                new FetchCompleted(request.analysisId(), discovered, fetched, batches, method, reasons, failure));
        LOG.infof("analysis %s: fetched %d of %d series in %d batches (%s)", request.analysisId(), fetched, discovered,
                batches, method);
    }
}
