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
 * v2 where {@code patternscope.clusters.<name>.alertmanager-url} is set. Alerts resolved in the last
 * {@link #RESOLVED_HORIZON} come from the rules' {@code ALERTS} series (an outage is often analysed
 * after it ended); Alertmanager keeps no such history. With a label-separated backend only alerts
 * carrying the cluster's label are the cluster's. A cluster that cannot answer is reported in
 * {@code errors}; the others still list.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Firing alerts of the caller's clusters")
@SecurityRequirement(name = "bearer")
public class AlertsResource {

    /** {@code state} firing or resolved; {@code resolvedAt}: the last time it was seen firing (resolved ones only). */
    public record AlertView(String cluster, String name, String state, Map<String, String> labels,
                            Map<String, String> annotations, String activeAt, String value, String source, String resolvedAt) {
    }

    static final String RESOLVED_HORIZON = "6h";
    private static final String FIRING_SAMPLES = "timestamp(ALERTS{alertstate=\"firing\"})[" + RESOLVED_HORIZON + ":1m]";

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
    @Operation(summary = "Firing alerts of every cluster the token's tenants own, newest first, then those resolved in the last 6 h")
    public AlertsView list() {
        List<AlertView> alerts = new ArrayList<>();
        List<AlertView> resolved = new ArrayList<>();
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
                    List<AlertView> firing = new ArrayList<>();
                    for (JsonNode a : backends.getJson(backend, backend.url("/api/v1/alerts")).path("data").path("alerts")) {
                        if ("firing".equals(a.path("state").asText())) {
                            add(firing, backend, a.path("labels"), a.path("annotations"), a.path("activeAt").asText(null),
                                    a.path("value").asText(null), "rules");
                        }
                    }
                    alerts.addAll(firing);
                    try {
                        resolved.addAll(resolved(backend, firing));
                    } catch (BackendClient.BackendException e) {
                        errors.add(new ClusterError(cluster, "recently resolved alerts are unavailable: " + e.getMessage()));
                    }
                }
            } catch (BackendClient.BackendException e) {
                errors.add(new ClusterError(cluster, e.getMessage()));
            }
        }
        Comparator<AlertView> newestFirst = Comparator.comparing((AlertView a) -> a.activeAt() == null ? "" : a.activeAt()).reversed();
        alerts.sort(newestFirst);
        resolved.sort(Comparator.comparing((AlertView a) -> a.resolvedAt() == null ? "" : a.resolvedAt()).reversed());
        alerts.addAll(resolved);
        return new AlertsView(alerts, errors);
    }

    /**
     * The {@code ALERTS} series that fired within the horizon and fire no longer: first and last
     * firing sample (to the minute) as activeAt and resolvedAt.
     */
    private List<AlertView> resolved(ClusterBackend backend, List<AlertView> firing) {
        Map<Map<String, String>, String> first = instants(backend, "min_over_time(" + FIRING_SAMPLES + ")");
        Map<Map<String, String>, String> last = instants(backend, "max_over_time(" + FIRING_SAMPLES + ")");
        java.util.Set<Map<String, String>> stillFiring = new java.util.HashSet<>();
        firing.forEach(a -> stillFiring.add(a.labels()));
        List<AlertView> out = new ArrayList<>();
        for (Map.Entry<Map<String, String>, String> e : last.entrySet()) {
            if (stillFiring.contains(e.getKey()) || !first.containsKey(e.getKey())) {
                continue;
            }
            add(out, backend, e.getKey(), Map.of(), first.get(e.getKey()), null, "rules", "resolved", e.getValue());
        }
        return out;
    }

    /** Labels (less alertstate) to the RFC 3339 time an instant query answered for them. */
    private Map<Map<String, String>, String> instants(ClusterBackend backend, String query) {
        JsonNode result = backends.getJson(backend, backend.url("/api/v1/query?query="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))).path("data").path("result");
        Map<Map<String, String>, String> out = new LinkedHashMap<>();
        for (JsonNode series : result) {
            Map<String, String> labels = strings(series.path("metric"));
            labels.remove("alertstate");
            labels.remove("__name__");
            double seconds = series.path("value").path(1).asDouble(Double.NaN);
            if (Double.isFinite(seconds)) {
                out.put(labels, java.time.Instant.ofEpochMilli(Math.round(seconds * 1000)).toString());
            }
        }
        return out;
    }

    private static void add(List<AlertView> out, ClusterBackend backend, JsonNode labels, JsonNode annotations,
                            String activeAt, String value, String source) {
        add(out, backend, strings(labels), strings(annotations), activeAt, value, source, "firing", null);
    }

    private static void add(List<AlertView> out, ClusterBackend backend, Map<String, String> l, Map<String, String> annotations,
                            String activeAt, String value, String source, String state, String resolvedAt) {
        if (backend.tenantMode() == ClusterBackend.TenantMode.LABEL && !backend.tenant().equals(l.get(backend.clusterLabel()))) {
            return; // another cluster's alert on a shared backend
        }
        out.add(new AlertView(backend.name(), l.getOrDefault("alertname", "(unnamed)"), state, l, annotations,
                activeAt, value, source, resolvedAt));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
