package io.patternscope.gateway.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.config.BackendRequests;
import io.patternscope.core.config.ClusterBackend;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a cluster's metrics backend (Prometheus/Cortex HTTP API, Alertmanager) with the cluster's
 * credentials, tenant header and CA. Blocking: call it from worker threads.
 */
@ApplicationScoped
public class BackendClient {

    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentHashMap<String, HttpClient> clients = new ConcurrentHashMap<>();

    /** GET {@code url} as JSON; a failure says which cluster and what went wrong. */
    public JsonNode getJson(ClusterBackend backend, String url) {
        HttpRequest request = BackendRequests.authorize(HttpRequest.newBuilder(URI.create(url))
                .timeout(backend.requestTimeout()).header("Accept", "application/json").GET(), backend).build();
        try {
            HttpResponse<byte[]> response = clients.computeIfAbsent(backend.name(), n -> BackendRequests.httpClient(backend))
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new BackendException("cluster " + backend.name() + ": " + URI.create(url).getPath() + " answered HTTP "
                        + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new BackendException("cluster " + backend.name() + ": cannot read " + URI.create(url).getPath() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("cluster " + backend.name() + ": interrupted");
        }
    }

    /** A backend that could not answer, with a sentence for the operator. */
    public static final class BackendException extends RuntimeException {
        public BackendException(String message) {
            super(message);
        }
    }
}
