package io.patternscope.fetcher.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.patternscope.core.config.BackendRequests;
import io.patternscope.core.config.ClusterBackend;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A backend behind HTTPS with a private CA: trusted through the cluster's tls-ca-file, refused without it. */
class TlsTrustTest {

    private static HttpsServer server;
    private static Path caFile;
    private static Path dir;

    @BeforeAll
    static void startHttps() throws Exception {
        dir = Files.createTempDirectory("ps-tls");
        Path keystore = dir.resolve("server.p12");
        caFile = dir.resolve("ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "secret1", "-keypass", "secret1");
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", "secret1",
                "-file", caFile.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "secret1".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, "secret1".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/api/v1/series", exchange -> {
            byte[] body = "{\"status\":\"success\",\"data\":[{\"__name__\":\"up\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }

    private static ClusterBackend backend(Optional<Path> ca) {
        return new ClusterBackend("secure", "https://127.0.0.1:" + server.getAddress().getPort(), "",
                ClusterBackend.TenantMode.LABEL, "secure", "X-Scope-OrgID", "cluster", Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(5), ca);
    }

    @Test
    void theClustersCaFileIsTrusted() throws Exception {
        ClusterBackend backend = backend(Optional.of(caFile));
        PrometheusHttpClient client = new PrometheusHttpClient(BackendRequests.httpClient(backend), backend, 1, 10);
        assertEquals(1, client.series(List.of("up"), 0, 60_000).size());
    }

    @Test
    void withoutTheCaTheCertificateIsRefused() {
        ClusterBackend backend = backend(Optional.empty());
        PrometheusHttpClient client = new PrometheusHttpClient(BackendRequests.httpClient(backend), backend, 1, 10);
        BackendException e = assertThrows(BackendException.class, () -> client.series(List.of("up"), 0, 60_000));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void anUnusableCaFileIsASentence() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendRequests.httpClient(backend(Optional.of(empty))));
        assertTrue(e.getMessage().contains("secure"), e.getMessage());
    }
}
