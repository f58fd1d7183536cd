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
    /** One try of a backend call; {@code E} is the client's own failure type. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * The retry loop both backend clients share: up to {@code attempts} tries, backing off
     * exponentially with jitter between them, as long as the failure is {@code retryable}; the
     * last failure is thrown. Runtime exceptions are bugs, not backend answers: they pass at once.
     */
    public static <T, E extends Exception> T withRetries(int attempts, long baseMs, Class<E> failure,
                                                         java.util.function.Predicate<E> retryable, Attempt<T, E> attempt)
            throws E {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                E typed = failure.cast(e);
                if (!retryable.test(typed) || n >= attempts || !backOff(n, baseMs)) {
                    throw typed;
                }
            }
        }
    }

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
