package io.patternscope.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.gateway.auth.CurrentCaller;
import io.patternscope.gateway.auth.TenantDirectory;
import io.patternscope.gateway.backend.BackendClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Firing alerts of the caller's clusters, each one an Analyze button away: from the backend's
 * alerts API (Prometheus, or the Cortex ruler at the cluster's path prefix), or from Alertmanager
 * v2 where {@code patternscope.clusters.<name>.alertmanager-url} is set. With a label-separated
 * backend only alerts carrying the cluster's label are the cluster's. A cluster that cannot answer
 * is reported in {@code errors}; the others still list.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Firing alerts of the caller's clusters")
@SecurityRequirement(name = "bearer")
public class AlertsResource {

    public record AlertView(String cluster, String name, String state, Map<String, String> labels,
                            Map<String, String> annotations, String activeAt, String value, String source) {
    }

    public record ClusterError(String cluster, String error) {
    }

    public record AlertsView(List<AlertView> alerts, List<ClusterError> errors) {
    }

    private final CurrentCaller caller;
    private final TenantDirectory tenants;
    private final BackendClient backends;

    public AlertsResource(CurrentCaller caller, TenantDirectory tenants, BackendClient backends) {
        this.caller = caller;
        this.tenants = tenants;
        this.backends = backends;
    }

    @GET
    @Operation(summary = "Firing alerts of every cluster the token's tenants own, newest first")
    public AlertsView list() {
        List<AlertView> alerts = new ArrayList<>();
        List<ClusterError> errors = new ArrayList<>();
        for (String cluster : caller.get().scope().clusters()) {
            ClusterBackend backend = tenants.backend(cluster).orElseThrow();
            try {
                Optional<String> alertmanager = tenants.alertmanager(cluster);
                if (alertmanager.isPresent()) {
                    JsonNode list = backends.getJson(backend, alertmanager.get()
                            + "/api/v2/alerts?active=true&silenced=false&inhibited=false");
                    for (JsonNode a : list) {
                        add(alerts, backend, a.path("labels"), a.path("annotations"), a.path("startsAt").asText(null), null,
                                "alertmanager");
                    }
                } else {
                    for (JsonNode a : backends.getJson(backend, backend.url("/api/v1/alerts")).path("data").path("alerts")) {
                        if ("firing".equals(a.path("state").asText())) {
                            add(alerts, backend, a.path("labels"), a.path("annotations"), a.path("activeAt").asText(null),
                                    a.path("value").asText(null), "rules");
                        }
                    }
                }
            } catch (BackendClient.BackendException e) {
                errors.add(new ClusterError(cluster, e.getMessage()));
            }
        }
        alerts.sort(Comparator.comparing((AlertView a) -> a.activeAt() == null ? "" : a.activeAt()).reversed());
        return new AlertsView(alerts, errors);
    }

    private static void add(List<AlertView> out, ClusterBackend backend, JsonNode labels, JsonNode annotations,
                            String activeAt, String value, String source) {
        Map<String, String> l = strings(labels);
        if (backend.tenantMode() == ClusterBackend.TenantMode.LABEL && !backend.tenant().equals(l.get(backend.clusterLabel()))) {
            return; // another cluster's alert on a shared backend
        }
        out.add(new AlertView(backend.name(), l.getOrDefault("alertname", "(unnamed)"), "firing", l, strings(annotations),
                activeAt, value, source));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
