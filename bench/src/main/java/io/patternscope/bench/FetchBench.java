package io.patternscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.chunks.XorChunkDecoder;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.promql.SeriesSelector;
import io.patternscope.core.series.CounterRates;
import io.patternscope.core.series.GridAligner;
import io.patternscope.remoteread.ChunkedFrameReader;
import io.patternscope.remoteread.RemoteReadClient;
import io.patternscope.remoteread.proto.Remote;
import io.patternscope.remoteread.proto.Types;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.xerial.snappy.Snappy;

/**
 * {@code ./patternscope bench fetch}: 10,000 series × 3 h at 15 s in the real Debian Prometheus
 * (backfilled once into .patternscope/bench and reused), fetched the two ways the fetcher can.
 */
final class FetchBench {

    static final int SERIES = 10_000;
    static final int METRICS = 20;
    static final long STEP = 15_000;
    static final int POINTS = 720;
    /** Fixed, so the backfilled blocks can be cached; Prometheus runs with a long retention. */
    static final long END = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    static final long START = END - (POINTS - 1) * STEP;
    static final String DATA_VERSION = "v1-10000x720";

    private FetchBench() {
    }

    static void run(Path work) throws Exception {
        Path data = work.resolve("prometheus-data");
        if (!Files.exists(work.resolve(DATA_VERSION))) {
            backfill(work, data);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(work.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\n");
        Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + work.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(work.resolve("prometheus.log").toFile()).start();
        try {
            String url = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, daemon -> {
                Thread thread = new Thread(daemon);
                thread.setDaemon(true);
                return thread;
            })).build();
            awaitReady(http, url);
            ClusterBackend backend = new ClusterBackend("bench", url, "", ClusterBackend.TenantMode.LABEL, "bench",
                    "X-Scope-OrgID", "cluster", Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofMinutes(2));

            fetchByChunks(http, backend); // warm-up: JIT, Prometheus caches
            double chunks = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                int n = fetchByChunks(http, backend);
                chunks = Math.min(chunks, (System.nanoTime() - t0) / 1e9);
                if (n != SERIES) {
                    throw new IllegalStateException("remote read returned " + n + " series, expected " + SERIES);
                }
            }
            fetchByQueryRange(http, url, 500); // warm-up
            long t0 = System.nanoTime();
            int n = fetchByQueryRange(http, url, SERIES);
            double queryRange = (System.nanoTime() - t0) / 1e9;
            if (n != SERIES) {
                throw new IllegalStateException("query_range returned " + n + " series, expected " + SERIES);
            }
            List<byte[]> rawChunks = captureChunks(http, url);
            double decodeRate = decodeRate(rawChunks);

            System.out.printf(Locale.ROOT, "fetch.chunks.seconds %.2f%n", chunks);
            System.out.printf(Locale.ROOT, "fetch.query_range.seconds %.2f%n", queryRange);
            System.out.printf(Locale.ROOT, "fetch.speedup %.1f%n", queryRange / chunks);
            System.out.printf(Locale.ROOT, "decode.samples_per_second_per_core %.0f%n", decodeRate);
            System.out.printf(Locale.ROOT, "fetch.series %d%n", SERIES);
            System.out.printf(Locale.ROOT, "decode.chunks %d%n", rawChunks.size());
        } finally {
            prometheus.destroy();
        }
    }

    private static void backfill(Path work, Path data) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path om = work.resolve("bench.om");
        Random random = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(om)) {
            for (int m = 0; m < METRICS; m++) {
                String name = "bench_metric_" + m;
                out.write("# TYPE " + name + " gauge\n");
                for (int s = 0; s < SERIES / METRICS; s++) {
                    String head = name + "{job=\"bench\",instance=\"i-" + s + "\"} ";
                    double level = 100 * random.nextDouble();
                    for (int i = 0; i < POINTS; i++) {
                        double v = Math.round((level + random.nextGaussian()) * 1000) / 1000.0;
                        out.write(head + v + " " + (START + i * STEP) / 1000 + "\n");
                    }
                }
            }
            out.write("# EOF\n");
        }
        Process p = new ProcessBuilder("promtool", "tsdb", "create-blocks-from", "openmetrics", om.toString(), data.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("promtool.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("promtool failed; see " + work.resolve("promtool.log"));
        }
        Files.delete(om);
        Files.writeString(work.resolve(DATA_VERSION), "backfilled\n");
    }

    private static void awaitReady(HttpClient http, String url) throws Exception {
        for (int i = 0; i < 240; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("prometheus did not become ready");
    }

    /** All series through streamed chunks, decoded and on the grid, as the fetcher prepares them. */
    private static int fetchByChunks(HttpClient http, ClusterBackend backend) throws Exception {
        AtomicLong count = new AtomicLong();
        new RemoteReadClient(http, backend, 1, 100).read(List.of(SeriesSelector.parse("{job=\"bench\"}")),
                START - GridAligner.DEFAULT_LOOKBACK_MS, END, (labels, t, v, n) -> {
                    double[] grid = GridAligner.align(t, v, n, START, STEP, POINTS, GridAligner.DEFAULT_LOOKBACK_MS);
                    if (CounterRates.isCounterName(labels.get("__name__"))) {
                        CounterRates.toRates(grid, STEP);
                    }
                    count.incrementAndGet();
                });
        return (int) count.get();
    }

    /** One query_range per series, 8 in flight, answers parsed, as the previous prototype fetched. */
    private static int fetchByQueryRange(HttpClient http, String url, int series) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int s = 0; s < series; s++) {
                String query = "bench_metric_" + (s % METRICS) + "{instance=\"i-" + (s / METRICS) + "\"}";
                String form = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start=" + START / 1000
                        + "&end=" + END / 1000 + "&step=15";
                results.add(pool.submit(() -> {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/query_range"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    JsonNode values = json.readTree(r.body()).path("data").path("result").path(0).path("values");
                    double[] grid = new double[POINTS];
                    for (int i = 0; i < values.size(); i++) {
                        grid[i] = Double.parseDouble(values.get(i).get(1).asText());
                    }
                    return values.size() > 0 ? 1 : 0;
                }));
            }
            int n = 0;
            for (Future<Integer> f : results) {
                n += f.get();
            }
            return n;
        } finally {
            pool.shutdown();
        }
    }

    /** The raw XOR chunks the real Prometheus sends for the benchmark series. */
    private static List<byte[]> captureChunks(HttpClient http, String url) throws Exception {
        Remote.ReadRequest request = Remote.ReadRequest.newBuilder()
                .addAcceptedResponseTypes(Remote.ReadRequest.ResponseType.STREAMED_XOR_CHUNKS)
                .addQueries(Remote.Query.newBuilder().setStartTimestampMs(START).setEndTimestampMs(END)
                        .addMatchers(Types.LabelMatcher.newBuilder().setName("job").setValue("bench"))).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/read"))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Read-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Snappy.compress(request.toByteArray()))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<byte[]> chunks = new ArrayList<>();
        try (InputStream in = response.body()) {
            ChunkedFrameReader frames = new ChunkedFrameReader(in, 64 << 20);
            byte[] frame;
            while ((frame = frames.next()) != null) {
                for (Types.ChunkedSeries s : Remote.ChunkedReadResponse.parseFrom(frame).getChunkedSeriesList()) {
                    for (Types.Chunk c : s.getChunksList()) {
                        chunks.add(c.getData().toByteArray());
                    }
                }
            }
        }
        return chunks;
    }

    /** Samples per second decoding every captured chunk on one thread, best of 5 after warm-up. */
    private static double decodeRate(List<byte[]> chunks) {
        long[] t = new long[1 << 16];
        double[] v = new double[1 << 16];
        long samples = 0;
        for (byte[] c : chunks) {
            samples += XorChunkDecoder.sampleCount(c);
        }
        double best = Double.MAX_VALUE;
        long checksum = 0;
        for (int pass = 0; pass < 25; pass++) {
            long t0 = System.nanoTime();
            for (byte[] c : chunks) {
                int n = XorChunkDecoder.decode(c, t, v, 0);
                checksum += t[n - 1];
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (pass >= 20) {
                best = Math.min(best, seconds);
            }
        }
        if (checksum == 42) {
            System.out.print("");
        }
        return samples / best;
    }
}
