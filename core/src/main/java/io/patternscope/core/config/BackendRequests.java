package io.patternscope.core.config;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** What every request to a cluster's backend carries, and how a failed one waits before the next try. */
public final class BackendRequests {

    private BackendRequests() {
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
