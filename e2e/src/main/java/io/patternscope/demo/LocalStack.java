package io.patternscope.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the whole suite on this machine: a Prometheus (the Cortex stand-in) over backfilled data and
 * the five packaged services as separate JVMs. NATS and PostgreSQL are the machine's own
 * ({@code ./patternscope up}). Start order: Prometheus, then report-service (migrates the schema),
 * fetcher, detector, classifier, and the gateway last, each awaited on its readiness endpoint.
 * With {@code keepRunning} the processes outlive this JVM and pid files let
 * {@code ./patternscope down} stop them.
 */
public final class LocalStack implements AutoCloseable {

    public record Ports(int prometheus, int gateway, int report, int fetcher, int detector, int classifier) {
        public static Ports demo() {
            return new Ports(19090, 8080, 8081, 8082, 8083, 8084);
        }

        public static Ports free() throws IOException {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        }
    }

    /**
     * NATS stream and subject prefix, and the database; tests use their own so runs never mix.
     * {@code fetcherShardSeries} sets the fetcher's shard size (small in tests, to exercise several shards).
     */
    public record Isolation(String natsStream, String subjectPrefix, String database, int fetcherShardSeries) {
        public static Isolation demo() {
            return new Isolation("PATTERNSCOPE", "ps", "patternscope", 2500);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final Path work;
    private final Ports ports;
    private final Isolation isolation;
    private final List<String> clusters;
    private final boolean keepRunning;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Runnable> restarts = new LinkedHashMap<>();
    /** The services' shared secret for internal calls: a new random one for each stack, in no file. */
    private final String serviceCredential = randomCredential();

    public LocalStack(Path root, Path work, Ports ports, Isolation isolation, List<String> clusters, boolean keepRunning)
            throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.ports = ports;
        this.isolation = isolation;
        this.clusters = clusters;
        this.keepRunning = keepRunning;
        Files.createDirectories(this.work.resolve("logs"));
        Files.createDirectories(this.work.resolve("pids"));
    }

    public URI gateway() {
        return URI.create("http://127.0.0.1:" + ports.gateway());
    }

    public URI prometheus() {
        return URI.create("http://127.0.0.1:" + ports.prometheus());
    }

    public Path work() {
        return work;
    }

    /** Replaces the Prometheus data folder with blocks built from {@code openMetrics}. */
    public void backfill(Path openMetrics) throws IOException, InterruptedException {
        backfill(List.of(openMetrics));
    }

    /**
     * Replaces the Prometheus data folder with blocks built from each file in turn (promtool reads a
     * file once per 2-hour block it writes, so data spread over weeks goes in as one file a slot).
     */
    public void backfill(List<Path> openMetrics) throws IOException, InterruptedException {
        Path data = work.resolve("prometheus/data");
        deleteRecursively(data);
        Files.createDirectories(data);
        for (Path file : openMetrics) {
            run(List.of("promtool", "tsdb", "create-blocks-from", "openmetrics", "--quiet", file.toString(), data.toString()),
                    work.resolve("logs/promtool.log"));
        }
    }

    public void startPrometheus() throws IOException, InterruptedException {
        Path dir = work.resolve("prometheus");
        Files.writeString(dir.resolve("rules.yml"), Incident.alertRules());
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  evaluation_interval: 5s
                rule_files:
                  - rules.yml
                """);
        start("prometheus", List.of("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--storage.tsdb.retention.time=30d",
                "--web.listen-address=127.0.0.1:" + ports.prometheus(), "--web.enable-lifecycle"), dir);
        awaitHttp200(prometheus().resolve("/-/ready"), Duration.ofSeconds(60), "prometheus");
    }

    public void startServices() throws IOException, InterruptedException {
        startService("report-service", ports.report(), withClusters(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + isolation.database(),
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + isolation.database())));
        startService("fetcher-service", ports.fetcher(), withClusters(Map.of("patternscope.fetch.shard-max-series",
                Integer.toString(isolation.fetcherShardSeries()))));
        startService("detector-service", ports.detector(), Map.of());
        startService("classifier-service", ports.classifier(), Map.of());
        startService("gateway", ports.gateway(), withClusters(Map.of(
                "patternscope.routes.report-service", "http://127.0.0.1:" + ports.report(),
                "patternscope.routes.classifier-service", "http://127.0.0.1:" + ports.classifier(),
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + isolation.database(),
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + isolation.database())));
    }

    /**
     * A new API token for {@code tenants} (comma list, or *), made by the admin command the operator
     * uses ({@code ./patternscope token create}) against this stack's database.
     */
    public String createToken(String tenants, String name) throws IOException, InterruptedException {
        Path app = root.resolve("gateway/target/quarkus-app");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", app.resolve("app") + "/*:" + app.resolve("lib/boot") + "/*:" + app.resolve("lib/main") + "/*",
                "io.patternscope.gateway.admin.TokenAdmin", "create", tenants, name)
                .redirectError(work.resolve("logs/token-admin.log").toFile());
        builder.environment().put("PATTERNSCOPE_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + isolation.database());
        Process process = builder.start();
        String token = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || !token.startsWith("psk_")) {
            throw new IllegalStateException("token create failed; see " + work.resolve("logs/token-admin.log"));
        }
        return token;
    }

    /**
     * Forgets what a tenant's operators taught (labels, features profiles, learnt thresholds) in
     * this stack's database, so a teaching benchmark starts from none whatever ran before it.
     */
    public void forgetTeaching(String tenant) throws IOException, InterruptedException {
        String quoted = "'" + tenant.replace("'", "''") + "'";
        // As the services connect: the application role, which owns the tables.
        ProcessBuilder psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "patternscope", "-d", isolation.database(), "-v",
                "ON_ERROR_STOP=1", "-q", "-c", "DELETE FROM feedback WHERE tenant = " + quoted + "; DELETE FROM features_profile "
                + "WHERE tenant = " + quoted + "; DELETE FROM relevance_threshold WHERE tenant = " + quoted)
                .redirectErrorStream(true);
        psql.environment().putIfAbsent("PGPASSWORD", "patternscope");
        Process p = psql.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("could not forget tenant " + tenant + "'s teaching: " + out.strip());
        }
    }

    /**
     * Starts another replica of a pipeline service (its own port and log, {@code <module>-<n>}): it
     * binds to the same durable consumers, so it shares the work of every analysis with the first.
     */
    public void startReplica(String module, int replica) throws IOException, InterruptedException {
        Map<String, String> properties = module.equals("fetcher-service")
                ? withClusters(Map.of("patternscope.fetch.shard-max-series", Integer.toString(isolation.fetcherShardSeries())))
                : Map.of();
        startService(module, module + "-" + replica, freePort(), properties);
    }

    public Path log(String process) {
        return work.resolve("logs/" + process + ".log");
    }

    private Map<String, String> withClusters(Map<String, String> extra) {
        Map<String, String> props = new LinkedHashMap<>(extra);
        for (String cluster : clusters) {
            props.put("patternscope.clusters." + cluster + ".base-url", prometheus().toString());
        }
        // A tenant whose backend is down (nothing listens on the discard port): analyses of it must
        // end with the reason, quickly, never hang.
        props.put("patternscope.clusters.unreachable.base-url", "http://127.0.0.1:9");
        props.put("patternscope.clusters.unreachable.timeout", "PT2S");
        return props;
    }

    private void startService(String name, int port, Map<String, String> properties) throws IOException, InterruptedException {
        startService(name, name, port, properties);
    }

    private void startService(String module, String name, int port, Map<String, String> properties)
            throws IOException, InterruptedException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
                // snappy and TensorFlow load native code (a warning on JDK 25 otherwise)
                "--enable-native-access=ALL-UNNAMED",
                "-Dquarkus.http.port=" + port,
                "-Dpatternscope.nats.stream=" + isolation.natsStream(),
                "-Dpatternscope.nats.subject-prefix=" + isolation.subjectPrefix()));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        Map<String, String> environment = Map.of("PATTERNSCOPE_INTERNAL_API_CREDENTIAL", serviceCredential);
        start(name, command, root, environment, false);
        awaitHttp200(ready, Duration.ofSeconds(90), name);
        restarts.put(name, () -> {
            try {
                start(name, command, root, environment, true);
                awaitHttp200(ready, Duration.ofSeconds(90), name);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(name + " did not restart: " + e.getMessage(), e);
            }
        });
    }

    /** Peak resident memory of a started process (VmHWM), in KiB; 0 when it is gone. */
    public long peakRssKib(String name) throws IOException {
        Process process = processes.get(name);
        Path status = Path.of("/proc/" + (process == null ? -1 : process.pid()) + "/status");
        if (process == null || !process.isAlive() || !Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** The pid of a started process, or -1. */
    public long pid(String name) {
        Process process = processes.get(name);
        return process == null ? -1 : process.pid();
    }

    /** SIGKILL: the process gets no chance to finish, acknowledge or say goodbye, as in a node failure. */
    public void killHard(String name) throws InterruptedException {
        Process process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts a killed service again with its first command line (what a Deployment's restart does), awaiting readiness. */
    public void restart(String name) {
        Runnable restart = restarts.get(name);
        if (restart == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        restart.run();
    }


    private void start(String name, List<String> command, Path dir) throws IOException {
        start(name, command, dir, Map.of(), false);
    }

    private void start(String name, List<String> command, Path dir, Map<String, String> environment, boolean appendLog)
            throws IOException {
        Path log = work.resolve("logs/" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.put(name, process);
        Files.writeString(work.resolve("pids/" + name + ".pid"), Long.toString(process.pid()));
    }

    private void awaitHttp200(URI uri, Duration timeout, String name) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = processes.get(name);
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting; see "
                        + work.resolve("logs/" + name + ".log"));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready at " + uri + " within " + timeout.toSeconds() + " s; see "
                + work.resolve("logs/" + name + ".log"));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    /** The JVM the services run on: PATTERNSCOPE_SERVICE_JAVA (the patternscope script picks the newest JDK), else this one. */
    private static String javaBinary() {
        String chosen = System.getenv("PATTERNSCOPE_SERVICE_JAVA");
        if (chosen != null && !chosen.isBlank() && Files.isExecutable(Path.of(chosen))) {
            return chosen;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String randomCredential() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        if (keepRunning) {
            return;
        }
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            Process p = processes.get(name);
            p.destroy();
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
