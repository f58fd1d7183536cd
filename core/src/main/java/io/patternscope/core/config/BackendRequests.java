package io.patternscope.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** What every request to a cluster's backend carries, and how a failed one waits before the next try. */
public final class BackendRequests {

    private BackendRequests() {
    }

    /**
     * An HTTP client for the cluster: trusts exactly the CAs of its {@code tls-ca-file} when one is
     * set, the JVM's trust store otherwise.
     *
     * @throws IllegalArgumentException with a sentence when the CA file cannot be read or parsed
     */
    public static HttpClient httpClient(ClusterBackend backend) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        backend.tlsCaFile().ifPresent(file -> builder.sslContext(trusting(file, backend.name())));
        return builder.build();
    }

    private static SSLContext trusting(Path caFile, String cluster) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException("cluster " + cluster + ": " + caFile + " holds no PEM certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cluster " + cluster + ": cannot use the CA file " + caFile + ": "
                    + e.getMessage(), e);
        }
    }

    /** Adds the tenant header (Cortex) and the bearer or basic credentials of the cluster. */
    public static HttpRequest.Builder authorize(HttpRequest.Builder request, ClusterBackend backend) {
        if (backend.tenantMode() == ClusterBackend.TenantMode.HEADER) {
            request.header(backend.tenantHeader(), backend.tenant());
        }
        backend.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        backend.basicUser().ifPresent(user -> request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + backend.basicPassword().orElse("")).getBytes(StandardCharsets.UTF_8))));
        return request;
    }

    /**
     * Exponential back-off with jitter before retry number {@code attempt} (1-based): a random wait
     * in [cap/2, cap] with cap = base·2^(attempt−1), so replicas retrying together spread out.
     *
     * @return false if interrupted (the interrupt flag is set again)
     */
    public static boolean backOff(int attempt, long baseMs) {
        long cap = baseMs << (attempt - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
