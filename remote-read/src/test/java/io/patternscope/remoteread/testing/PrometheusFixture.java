package io.patternscope.remoteread.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throw-away Debian Prometheus on a free loopback port, backfilled from OpenMetrics text with promtool. */
public final class PrometheusFixture implements AutoCloseable {

    private final Process process;
    private final int port;

    private PrometheusFixture(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static PrometheusFixture start(String openMetrics) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ps-prometheus");
        Path input = dir.resolve("data.om");
        Files.writeString(input, openMetrics);
        Path data = dir.resolve("data");
        Process backfill = new ProcessBuilder("promtool", "tsdb", "create-blocks-from", "openmetrics", input.toString(),
                data.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("promtool.log").toFile()).start();
        if (backfill.waitFor() != 0) {
            throw new IllegalStateException("promtool failed: " + Files.readString(dir.resolve("promtool.log")));
        }
        Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusFixture fixture = new PrometheusFixture(process, port);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(fixture.url() + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return fixture;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        fixture.close();
        throw new IllegalStateException("prometheus did not become ready; see " + dir.resolve("prometheus.log"));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
