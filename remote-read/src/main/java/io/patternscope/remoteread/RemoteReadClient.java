package io.patternscope.remoteread;

import io.patternscope.core.config.BackendRequests;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.config.StallGuard;
import io.patternscope.core.chunks.XorChunkDecoder;
import io.patternscope.core.promql.SeriesSelector;
import io.patternscope.remoteread.proto.Remote;
import io.patternscope.remoteread.proto.Types;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xerial.snappy.Snappy;

/**
 * Prometheus remote read ({@code POST <base><prefix>/api/v1/read}) as Prometheus and Cortex serve
 * it: a snappy-compressed protobuf {@code ReadRequest} that prefers {@code STREAMED_XOR_CHUNKS} and
 * accepts {@code SAMPLES}. Streamed answers are processed frame by frame as they arrive (one frame
 * and one series in memory); a {@code SAMPLES} answer is one snappy block, read whole. Retries
 * 5xx, 429 and I/O errors with exponential back-off and full jitter. Thread-safe.
 */
public final class RemoteReadClient {

    /** What the backend answered with. */
    public enum Answer { STREAMED_XOR_CHUNKS, SAMPLES }

    static final int MAX_FRAME_BYTES = 64 << 20;

    private final HttpClient http;
    private final ClusterBackend backend;
    private final int attempts;
    private final long backoffMs;

    public RemoteReadClient(HttpClient http, ClusterBackend backend, int attempts, long backoffMs) {
        this.http = http;
        this.backend = backend;
        this.attempts = attempts;
        this.backoffMs = backoffMs;
    }

    /**
     * Reads every series matching any of {@code selectors} (each one query of the request) in
     * [start, end], handing each to {@code callback}; a series matching several selectors comes
     * once per selector.
     */
    public Answer read(List<List<SeriesSelector.Matcher>> selectors, long startMs, long endMs, SeriesCallback callback)
            throws RemoteReadException {
        List<Query> queries = new ArrayList<>();
        for (List<SeriesSelector.Matcher> matchers : selectors) {
            queries.add(new Query(matchers, startMs, endMs));
        }
        return read(queries, (query, labels, timestamps, values, count) -> callback.accept(labels, timestamps, values, count));
    }

    /** One query of a read request: its matchers and its own time range. */
    public record Query(List<SeriesSelector.Matcher> matchers, long startMs, long endMs) {
    }

    /** Receives each series with the index of the query (in the request's order) that it answers. */
    @FunctionalInterface
    public interface QuerySeriesCallback {
        void accept(int query, Map<String, String> labels, long[] timestamps, double[] values, int count);
    }

    /**
     * Reads several queries, each over its own range, in one request: what a seasonal reference
     * needs (the same series at several earlier clock times) costs one round trip.
     */
    public Answer read(List<Query> queries, QuerySeriesCallback callback) throws RemoteReadException {
        Remote.ReadRequest.Builder request = Remote.ReadRequest.newBuilder()
                .addAcceptedResponseTypes(Remote.ReadRequest.ResponseType.STREAMED_XOR_CHUNKS)
                .addAcceptedResponseTypes(Remote.ReadRequest.ResponseType.SAMPLES);
        long[][] ranges = new long[queries.size()][];
        for (int q = 0; q < queries.size(); q++) {
            Query asked = queries.get(q);
            ranges[q] = new long[] {asked.startMs(), asked.endMs()};
            Remote.Query.Builder query = Remote.Query.newBuilder().setStartTimestampMs(asked.startMs())
                    .setEndTimestampMs(asked.endMs());
            for (SeriesSelector.Matcher m : asked.matchers()) {
                query.addMatchers(Types.LabelMatcher.newBuilder().setName(m.name()).setValue(m.value())
                        .setType(Types.LabelMatcher.Type.valueOf(m.type().name())));
            }
            request.addQueries(query);
        }
        byte[] body;
        try {
            body = Snappy.compress(request.build().toByteArray());
        } catch (IOException e) {
            throw new RemoteReadException(RemoteReadException.Kind.FAILED, "cannot compress the read request", e);
        }
        return BackendRequests.withRetries(attempts, backoffMs, RemoteReadException.class,
                e -> e.kind() == RemoteReadException.Kind.RETRYABLE, () -> send(body, ranges, callback));
    }

    /**
     * Reads the series of {@code metrics} matching any of {@code selectors}. When the backend refuses
     * the read as too large (its sample, chunk or byte limits: {@link RemoteReadException.Kind#LIMIT}),
     * the metrics are split in halves and read again, down to a single metric, whose refusal is
     * thrown. A series may then reach the callback more than once: the caller de-duplicates.
     */
    public Answer readMetrics(List<String> selectors, List<String> metrics, long startMs, long endMs,
                              SeriesCallback callback) throws RemoteReadException {
        return readMetrics(selectors, metrics, List.of(), startMs, endMs, callback);
    }

    /** The same, every query also carrying {@code extra} matchers (a part of a large metric). */
    public Answer readMetrics(List<String> selectors, List<String> metrics, List<SeriesSelector.Matcher> extra, long startMs,
                              long endMs, SeriesCallback callback) throws RemoteReadException {
        return readMetrics(selectors, metrics, extra, List.of(new long[] {startMs, endMs}),
                (range, labels, timestamps, values, count) -> callback.accept(labels, timestamps, values, count));
    }

    /**
     * The same over several ranges in one request (one query per selector and range); the callback
     * gets the index of the range a series answers.
     */
    public Answer readMetrics(List<String> selectors, List<String> metrics, List<SeriesSelector.Matcher> extra,
                              List<long[]> ranges, QuerySeriesCallback callback) throws RemoteReadException {
        // Metric names are [a-zA-Z0-9_:]*: safe inside a regular expression as they are.
        SeriesSelector.Matcher names = new SeriesSelector.Matcher(SeriesSelector.MatchType.RE, "__name__",
                String.join("|", metrics));
        List<Query> queries = new ArrayList<>();
        for (long[] range : ranges) {
            for (String selector : selectors) {
                List<SeriesSelector.Matcher> matchers = new ArrayList<>(SeriesSelector.parse(selector));
                matchers.add(names);
                matchers.addAll(extra);
                queries.add(new Query(matchers, range[0], range[1]));
            }
        }
        int perRange = selectors.size();
        try {
            return read(queries, (query, labels, timestamps, values, count) -> callback.accept(query / perRange, labels,
                    timestamps, values, count));
        } catch (RemoteReadException e) {
            if (e.kind() != RemoteReadException.Kind.LIMIT || metrics.size() < 2) {
                throw e;
            }
            int half = metrics.size() / 2;
            Answer answer = readMetrics(selectors, metrics.subList(0, half), extra, ranges, callback);
            readMetrics(selectors, metrics.subList(half, metrics.size()), extra, ranges, callback);
            return answer;
        }
    }

    private Answer send(byte[] body, long[][] ranges, QuerySeriesCallback callback) throws RemoteReadException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.url("/api/v1/read")))
                .timeout(backend.requestTimeout())
                .header("Content-Type", "application/x-protobuf")
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Read-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<InputStream> response;
        try {
            response = http.send(BackendRequests.authorize(request, backend).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new RemoteReadException(RemoteReadException.Kind.RETRYABLE, "cluster " + backend.name()
                    + " unreachable for remote read: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteReadException(RemoteReadException.Kind.FAILED, "interrupted", e);
        }
        try (InputStream in = new StallGuard(response.body(), backend.requestTimeout())) {
            int status = response.statusCode();
            if (status != 200) {
                String text = new String(in.readNBytes(2048), StandardCharsets.UTF_8).strip();
                throw new RemoteReadException(classify(status, text), "cluster " + backend.name() + " answered remote read with HTTP "
                        + status + (text.isEmpty() ? "" : ": " + text), null);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/x-streamed-protobuf")) {
                readStreamed(in, ranges, callback);
                return Answer.STREAMED_XOR_CHUNKS;
            }
            readSamples(in.readAllBytes(), callback);
            return Answer.SAMPLES;
        } catch (IOException e) {
            throw new RemoteReadException(RemoteReadException.Kind.RETRYABLE, "remote read from cluster " + backend.name()
                    + " broke off: " + e.getMessage(), e);
        }
    }

    private static RemoteReadException.Kind classify(int status, String body) {
        if (status == 404 || status == 405 || status == 501) {
            return RemoteReadException.Kind.UNSUPPORTED;
        }
        String lower = body.toLowerCase();
        if (status == 413 || lower.contains("limit") || lower.contains("too many") || lower.contains("exceeded")) {
            return RemoteReadException.Kind.LIMIT;
        }
        return status == 429 || status >= 500 ? RemoteReadException.Kind.RETRYABLE : RemoteReadException.Kind.FAILED;
    }

    /**
     * Prometheus sends at most one series per frame and splits a series whose chunks exceed a frame
     * over consecutive frames with the same labels: those are merged before the series is handed on.
     */
    private static void readStreamed(InputStream in, long[][] ranges, QuerySeriesCallback callback) throws IOException {
        ChunkedFrameReader frames = new ChunkedFrameReader(in, MAX_FRAME_BYTES);
        SeriesAssembler series = new SeriesAssembler(ranges, callback);
        byte[] frame;
        while ((frame = frames.next()) != null) {
            Remote.ChunkedReadResponse response = Remote.ChunkedReadResponse.parseFrom(frame);
            for (Types.ChunkedSeries part : response.getChunkedSeriesList()) {
                series.add(response.getQueryIndex(), part);
            }
        }
        series.flush();
    }

    /** Collects the chunks of one series (possibly over several frames) and decodes them. */
    private static final class SeriesAssembler {
        private final long[][] ranges;
        private final QuerySeriesCallback callback;
        private final List<byte[]> chunks = new ArrayList<>();
        private List<Types.Label> labels;
        private long queryIndex = -1;
        private long[] timestamps = new long[1024];
        private double[] values = new double[1024];

        SeriesAssembler(long[][] ranges, QuerySeriesCallback callback) {
            this.ranges = ranges;
            this.callback = callback;
        }

        void add(long query, Types.ChunkedSeries part) throws IOException {
            if (labels != null && (query != queryIndex || !labels.equals(part.getLabelsList()))) {
                flush();
            }
            labels = part.getLabelsList();
            queryIndex = query;
            for (Types.Chunk chunk : part.getChunksList()) {
                if (chunk.getType() != Types.Chunk.Encoding.XOR) {
                    throw new IOException("unsupported chunk encoding " + chunk.getType());
                }
                chunks.add(chunk.getData().toByteArray());
            }
        }

        void flush() throws IOException {
            if (labels == null) {
                return;
            }
            int total = 0;
            for (byte[] chunk : chunks) {
                total += XorChunkDecoder.sampleCount(chunk);
            }
            if (total > timestamps.length) {
                timestamps = new long[Math.max(total, timestamps.length * 2)];
                values = new double[timestamps.length];
            }
            int n = 0;
            for (byte[] chunk : chunks) {
                n += XorChunkDecoder.decode(chunk, timestamps, values, n);
            }
            // Chunks cover whole head/block ranges: keep only the samples of the asked range.
            if (queryIndex < 0 || queryIndex >= ranges.length) {
                throw new IOException("an answer to query " + queryIndex + " of " + ranges.length);
            }
            long startMs = ranges[(int) queryIndex][0];
            long endMs = ranges[(int) queryIndex][1];
            int from = 0;
            while (from < n && timestamps[from] < startMs) {
                from++;
            }
            int to = n;
            while (to > from && timestamps[to - 1] > endMs) {
                to--;
            }
            if (from > 0) {
                System.arraycopy(timestamps, from, timestamps, 0, to - from);
                System.arraycopy(values, from, values, 0, to - from);
            }
            callback.accept((int) queryIndex, RemoteReadClient.labels(labels), timestamps, values, to - from);
            chunks.clear();
            labels = null;
        }
    }

    private static void readSamples(byte[] compressed, QuerySeriesCallback callback) throws IOException {
        Remote.ReadResponse response = Remote.ReadResponse.parseFrom(Snappy.uncompress(compressed));
        for (int q = 0; q < response.getResultsCount(); q++) {
            Remote.QueryResult result = response.getResults(q);
            for (Types.TimeSeries series : result.getTimeseriesList()) {
                int n = series.getSamplesCount();
                long[] timestamps = new long[n];
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    timestamps[i] = series.getSamples(i).getTimestamp();
                    values[i] = series.getSamples(i).getValue();
                }
                callback.accept(q, labels(series.getLabelsList()), timestamps, values, n);
            }
        }
    }

    private static Map<String, String> labels(List<Types.Label> labels) {
        Map<String, String> out = new HashMap<>(labels.size() * 2);
        for (Types.Label l : labels) {
            out.put(l.getName(), l.getValue());
        }
        return out;
    }
}
