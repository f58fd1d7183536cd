package io.patternscope.fetcher.client;

import io.patternscope.core.config.BackendRequests;
import io.patternscope.core.config.ClusterBackend;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One HTTP client per cluster for the whole fetcher (each may trust its own CA), made on first use. */
@ApplicationScoped
public class ClusterHttpClients {

    private final Map<String, HttpClient> byCluster = new ConcurrentHashMap<>();

    public HttpClient forCluster(ClusterBackend backend) {
        return byCluster.computeIfAbsent(backend.name(), name -> BackendRequests.httpClient(backend));
    }
}
