package io.patternscope.fetcher.service;

import io.patternscope.bus.JetStreamBus;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.config.ClusterBackends;
import io.patternscope.core.promql.SeriesSelector;
import io.patternscope.core.screening.SeasonalReference;
import io.patternscope.core.series.CounterRates;
import io.patternscope.core.series.GridAligner;
import io.patternscope.core.series.SeriesIds;
import io.patternscope.core.wire.AnalysisRequested;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchShard;
import io.patternscope.core.wire.LabelPartition;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.core.wire.Subjects;
import io.patternscope.fetcher.client.ClusterHttpClients;
import io.patternscope.fetcher.client.PrometheusHttpClient;
import io.patternscope.fetcher.client.RangeSeries;
import io.patternscope.fetcher.config.FetchConfig;
import io.patternscope.remoteread.RemoteReadClient;
import io.patternscope.remoteread.RemoteReadException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Fetches one shard of an analysis ({@link FetchShard}, planned by {@link FetchPlanner}): one remote
 * read restricted to the shard's metric names (streamed XOR chunks, decoded as the frames arrive; a
 * backend may answer with SAMPLES instead), falling back to query_range per metric name for
 * whatever remote read could not deliver (no endpoint, or a failure after retries). Samples go on
 * the analysis grid with PromQL's lookback and staleness rules, counters become rates, and series
 * stream out in byte-bounded batches numbered from {@code shardNo × SHARD_BATCH_SPAN}. Ends with
 * one {@link FetchCompleted} naming the method used, the number of batches and why anything is
 * missing. Memory: one frame, one series and one batch per shard in progress.
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
    private final ClusterHttpClients httpClients;
    private final ExecutorService requests;

    public AnalysisFetcher(JetStreamBus bus, ClusterBackends clusters, FetchConfig config, ClusterHttpClients httpClients) {
        this.httpClients = httpClients;
        this.bus = bus;
        this.clusters = clusters;
        this.config = config;
        this.requests = Executors.newFixedThreadPool(Math.max(1, config.concurrency()));
    }

    @PreDestroy
    void stop() {
        requests.shutdownNow();
    }

    public void fetch(FetchShard shard) {
        AnalysisRequested request = shard.request();
        ClusterBackend backend = clusters.find(request.cluster()).orElse(null);
        if (backend == null) {
            complete(shard, "none", 0, 0, List.of(), "unknown cluster '" + request.cluster() + "' in the fetcher's cluster table");
            return;
        }
        HttpClient http = httpClients.forCluster(backend);
        Map<String, Map<String, String>> wanted = new TreeMap<>();
        for (String id : shard.seriesIds()) {
            wanted.put(id, Map.of("__name__", SeriesIds.metric(id)));
        }
        List<String> partialReasons = new ArrayList<>();
        BatchPublisher batches = new BatchPublisher(bus, request.analysisId(), request.testStartMs(), request.screening(),
                config.maxBatchBytes(), shard.shardNo() * FetchShard.SHARD_BATCH_SPAN);
        Set<String> emitted = new HashSet<>();
        Map<String, List<SeriesData.PastWindow>> past = fetchPast(http, backend, request, shard, wanted, partialReasons);
        batches.attachPast(past);
        String method;
        try {
            method = fetchByRemoteRead(http, backend, request, shard, wanted, batches, emitted);
        } catch (RemoteReadException e) {
            // No remote read (or it failed even after retries): fetch what is still missing with query_range.
            method = METHOD_QUERY_RANGE;
            if (e.kind() != RemoteReadException.Kind.UNSUPPORTED) {
                LOG.warnf("analysis %s shard %d: remote read failed (%s); falling back to query_range",
                        request.analysisId(), shard.shardNo(), e.getMessage());
            }
            Map<String, Map<String, String>> missing = new TreeMap<>(wanted);
            missing.keySet().removeAll(emitted);
            PrometheusHttpClient client = new PrometheusHttpClient(http, backend, config.attempts(), config.backoffMs());
            fetchByQueryRange(client, backend, request, shard.partition(), missing, batches, partialReasons);
        }
        batches.flush();
        int missing = wanted.size() - batches.published();
        if (missing > 0 && partialReasons.isEmpty()) {
            partialReasons.add(missing + " discovered series returned no samples in the window");
        }
        complete(shard, method, batches.published(), batches.batches(), partialReasons, null);
    }

    /**
     * The test window at each earlier clock time its seasonal reference needs (none for PRECEDING),
     * read before the analysis window so each series leaves with its past windows: one remote read
     * whose queries each cover one offset, query_range per metric and offset where remote read is
     * not to be had. What cannot be read is said in the reasons; the detector then falls back to
     * the preceding window for those series.
     * Memory: the shard's series × offsets × test-window points, e.g. 2,500 × 6 × 241 doubles, 29 MB.
     */
    Map<String, List<SeriesData.PastWindow>> fetchPast(HttpClient http, ClusterBackend backend, AnalysisRequested request,
                                                       FetchShard shard, Map<String, Map<String, String>> wanted,
                                                       List<String> partialReasons) {
        List<Long> offsets = SeasonalReference.offsetsFor(
                SeasonalReference.Kind.of(request.screening() == null ? null : request.screening().reference()));
        Map<String, List<SeriesData.PastWindow>> past = new HashMap<>();
        if (offsets.isEmpty()) {
            return past;
        }
        List<String> selectors = FetchPlanner.scoped(FetchPlanner.includes(request), backend);
        List<long[]> ranges = new ArrayList<>();
        for (long offset : offsets) {
            ranges.add(new long[] {request.testStartMs() - offset - GridAligner.DEFAULT_LOOKBACK_MS, request.endMs() - offset});
        }
        try {
            new RemoteReadClient(http, backend, config.attempts(), config.backoffMs()).readMetrics(selectors, shard.metrics(),
                    partMatchers(shard.partition()), ranges, (range, labels, timestamps, values, count) -> {
                        String id = SeriesIds.canonical(labels);
                        if (wanted.containsKey(id)) {
                            long offset = offsets.get(range);
                            long step = stepOf(request, timestamps, count);
                            TestWindow window = TestWindow.of(request, step);
                            addPast(past, id, labels, offset,
                                    aligned(timestamps, values, count, window.startMs() - offset, step, window.points()), step);
                        }
                    });
        } catch (RemoteReadException e) {
            past.clear();
            for (long offset : offsets) {
                pastByQueryRange(http, backend, request, shard, wanted, offset, past, partialReasons, e);
            }
        }
        return past;
    }

    void pastByQueryRange(HttpClient http, ClusterBackend backend, AnalysisRequested request, FetchShard shard,
                          Map<String, Map<String, String>> wanted, long offset, Map<String, List<SeriesData.PastWindow>> past,
                          List<String> partialReasons, RemoteReadException cause) {
        PrometheusHttpClient client = new PrometheusHttpClient(http, backend, config.attempts(), config.backoffMs());
        TestWindow window = TestWindow.of(request, request.stepMs());
        Set<String> metrics = new TreeSet<>();
        wanted.values().forEach(labels -> metrics.add(labels.getOrDefault("__name__", "")));
        int failed = 0;
        String firstError = null;
        for (String metric : metrics) {
            try {
                for (RangeSeries series : client.queryRange(metricSelector(metric, backend, shard.partition()),
                        window.startMs() - offset, request.endMs() - offset, request.stepMs())) {
                    String id = SeriesIds.canonical(series.labels());
                    if (wanted.containsKey(id)) {
                        addPast(past, id, series.labels(), offset,
                                place(series, window.startMs() - offset, request.stepMs(), window.points()), request.stepMs());
                    }
                }
            } catch (io.patternscope.fetcher.client.BackendException | RuntimeException e) {
                failed++;
                firstError = firstError == null ? metric + ": " + e.getMessage() : firstError;
            }
        }
        if (failed > 0) {
            partialReasons.add(failed + " metric" + (failed == 1 ? "" : "s") + " could not be read " + offset / 3_600_000L
                    + " h earlier for the seasonal reference (" + (cause.kind() == RemoteReadException.Kind.UNSUPPORTED ? ""
                    : "remote read: " + cause.getMessage() + "; ") + firstError + "); their series were compared with the "
                    + "preceding window");
        }
    }

    /** A series' grid step: the request's, or with {@code stepFromData} what its samples' spacing says. */
    private static long stepOf(AnalysisRequested request, long[] timestamps, int count) {
        return request.stepFromData() ? GridAligner.seriesStep(request.stepMs(), GridAligner.nativeSpacing(timestamps, count))
                : request.stepMs();
    }

    /**
     * Samples on a grid of {@code points} from {@code startMs}: each point takes the newest sample
     * no older than 1.5 steps, or than the default lookback when that is longer.
     */
    private static double[] aligned(long[] timestamps, double[] values, int count, long startMs, long step, int points) {
        return GridAligner.align(timestamps, values, count, startMs, step, points,
                Math.max(GridAligner.DEFAULT_LOOKBACK_MS, step + step / 2));
    }

    /** Counters become rates in their past windows too, as on the analysis grid. */
    private static void addPast(Map<String, List<SeriesData.PastWindow>> past, String id, Map<String, String> labels,
                                long offset, double[] grid, long stepMs) {
        boolean counter = CounterRates.isCounterName(labels.getOrDefault("__name__", ""));
        past.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new SeriesData.PastWindow(offset, counter ? CounterRates.toRates(grid, stepMs) : grid));
    }

    /** Where the test window begins on a series' grid of {@code stepMs}, and how many points it holds. */
    record TestWindow(long startMs, int points) {
        static TestWindow of(AnalysisRequested request, long stepMs) {
            int seriesPoints = (int) ((request.endMs() - request.startMs()) / stepMs) + 1;
            int testIndex = (int) Math.ceil((double) (request.testStartMs() - request.startMs()) / stepMs);
            return new TestWindow(request.startMs() + testIndex * stepMs, seriesPoints - testIndex);
        }
    }

    /**
     * One remote read for the shard (one query per selector, restricted to the shard's metrics; split
     * in halves when the backend refuses it as too large), series streamed in as the frames arrive
     * and batched at once. Series already delivered are not batched twice (the emitted set).
     */
    private String fetchByRemoteRead(HttpClient http, ClusterBackend backend, AnalysisRequested request, FetchShard shard,
                                     Map<String, Map<String, String>> wanted, BatchPublisher batches, Set<String> emitted)
            throws RemoteReadException {
        List<String> selectors = FetchPlanner.scoped(FetchPlanner.includes(request), backend);
        int points = gridLength(request);
        RemoteReadClient.Answer answer = new RemoteReadClient(http, backend, config.attempts(), config.backoffMs())
                .readMetrics(selectors, shard.metrics(), partMatchers(shard.partition()), request.startMs() - GridAligner.DEFAULT_LOOKBACK_MS, request.endMs(),
                        (labels, timestamps, values, count) -> {
                            String id = SeriesIds.canonical(labels);
                            if (wanted.containsKey(id) && emitted.add(id)) {
                                long step = stepOf(request, timestamps, count);
                                int seriesPoints = step == request.stepMs() ? points
                                        : (int) ((request.endMs() - request.startMs()) / step) + 1;
                                batches.add(toSeriesData(id, labels,
                                        aligned(timestamps, values, count, request.startMs(), step, seriesPoints),
                                        request.startMs(), step));
                            }
                        });
        return answer == RemoteReadClient.Answer.STREAMED_XOR_CHUNKS ? METHOD_CHUNKS : METHOD_SAMPLES;
    }

    /**
     * One query_range per metric name (each returns all its series in the cluster, or the shard's
     * part of it), several in flight.
     */
    private void fetchByQueryRange(PrometheusHttpClient client, ClusterBackend backend, AnalysisRequested request,
                                   LabelPartition partition, Map<String, Map<String, String>> wanted, BatchPublisher batches,
                                   List<String> partialReasons) {
        Map<String, Set<String>> idsByMetric = new TreeMap<>();
        wanted.forEach((id, labels) -> idsByMetric.computeIfAbsent(labels.getOrDefault("__name__", ""),
                k -> new TreeSet<>()).add(id));
        Map<String, Future<List<RangeSeries>>> inFlight = new LinkedHashMap<>();
        for (String metric : idsByMetric.keySet()) {
            String query = metricSelector(metric, backend, partition);
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
        }
    }

    /** The remote-read matchers that restrict a read to a shard's part of a metric (none for whole metrics). */
    static List<SeriesSelector.Matcher> partMatchers(LabelPartition partition) {
        return partition == null ? List.of()
                : List.of(new SeriesSelector.Matcher(SeriesSelector.MatchType.RE, partition.label(), partition.regex()));
    }

    /** The PromQL selector of one metric in the cluster, or of the shard's part of it. */
    static String metricSelector(String metric, ClusterBackend backend, LabelPartition partition) {
        return "{" + "__name__=\"" + SeriesIds.escape(metric) + "\""
                + (backend.tenantMode() == ClusterBackend.TenantMode.LABEL
                ? "," + backend.clusterLabel() + "=\"" + SeriesIds.escape(backend.tenant()) + "\"" : "")
                + (partition == null ? "" : "," + partition.label() + "=~\"" + SeriesIds.escape(partition.regex()) + "\"") + "}";
    }

    private static int gridLength(AnalysisRequested request) {
        return (int) ((request.endMs() - request.startMs()) / request.stepMs()) + 1;
    }

    /** Places query_range samples (already evaluated on the grid) on the analysis grid; missing steps stay NaN. */
    static SeriesData onGrid(String id, RangeSeries series, AnalysisRequested request, int gridLength) {
        return toSeriesData(id, series.labels(), place(series, request.startMs(), request.stepMs(), gridLength),
                request.startMs(), request.stepMs());
    }

    /** query_range samples on the grid of {@code points} from {@code startMs}; steps without a sample stay NaN. */
    private static double[] place(RangeSeries series, long startMs, long stepMs, int points) {
        double[] values = new double[points];
        Arrays.fill(values, Double.NaN);
        for (int i = 0; i < series.timestampsMs().length; i++) {
            int index = (int) Math.round((double) (series.timestampsMs()[i] - startMs) / stepMs);
            if (index >= 0 && index < points) {
                values[index] = series.values()[i];
            }
        }
        return values;
    }

    /** Counters (by their name) become per-second rates with reset handling; gauges pass as they are. */
    static SeriesData toSeriesData(String id, Map<String, String> labels, double[] grid, long startMs, long stepMs) {
        boolean counter = CounterRates.isCounterName(labels.getOrDefault("__name__", ""));
        return new SeriesData(id, new HashMap<>(labels), startMs, stepMs,
                counter ? CounterRates.toRates(grid, stepMs) : grid,
                counter ? SeriesData.ValueKind.COUNTER_RATE : SeriesData.ValueKind.GAUGE);
    }

    private void complete(FetchShard shard, String method, int fetched, int batches, List<String> reasons, String failure) {
        String analysisId = shard.analysisId();
        if (failure != null) {
            LOG.warnf("analysis %s shard %d: %s", analysisId, shard.shardNo(), failure);
        }
        bus.publish(Subjects.EVENTS_FETCH_COMPLETED, analysisId + ":fetch-completed:" + shard.shardNo(),
                new FetchCompleted(analysisId, shard.shardNo(), fetched, batches, method, reasons, failure));
        LOG.infof("analysis %s shard %d/%d: fetched %d of %d series in %d batches (%s)", analysisId, shard.shardNo() + 1,
                shard.shardCount(), fetched, shard.seriesIds().size(), batches, method);
    }
}
