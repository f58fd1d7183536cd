package io.patternscope.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.api.AnalysisStatus;
import io.patternscope.core.api.ApiViews.ErrorView;
import io.patternscope.core.api.ClusterScope;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.series.SeriesIds;
import io.patternscope.gateway.auth.CurrentCaller;
import io.patternscope.gateway.auth.TenantDirectory;
import io.patternscope.gateway.backend.BackendClient;
import io.patternscope.gateway.client.ServiceProxy;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** What the UI needs around an analysis: live progress (SSE) and the values of a finding's series. */
@Path("/api/v1/analyses/{id}")
@Tag(name = "Analyses")
@SecurityRequirement(name = "bearer")
public class AnalysisLiveResource {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_STREAM = Duration.ofMinutes(30);

    /** A series over the analysis window: epoch seconds and values (null where the backend had none). */
    public record ValuesView(String series, String query, List<Long> timestamps, List<Double> values) {
    }

    private final ServiceProxy proxy;
    private final CurrentCaller caller;
    private final TenantDirectory tenants;
    private final BackendClient backends;
    private final ObjectMapper json = new ObjectMapper();

    public AnalysisLiveResource(ServiceProxy proxy, CurrentCaller caller, TenantDirectory tenants, BackendClient backends) {
        this.proxy = proxy;
        this.caller = caller;
        this.tenants = tenants;
        this.backends = backends;
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events: the analysis (status and progress counters) each time it changes",
            description = "The stream ends after the event with status COMPLETED, PARTIAL or FAILED (or an error event)")
    public Multi<String> events(@PathParam("id") String id, RoutingContext routing) {
        ClusterScope scope = caller.get().scope();
        AtomicBoolean ended = new AtomicBoolean();
        String first = routing.get(EventsPrecheckFilter.FIRST_STATE);
        Multi<String> polls = Multi.createFrom().ticks().every(POLL)
                .onItem().transformToUniAndConcatenate(tick -> proxy.callReportService(scope, HttpMethod.GET,
                                "/api/v1/analyses/" + PathSegments.encode(id))
                        .map(r -> r.statusCode() == 200 ? r.bodyAsString()
                                : Json.encode(new ErrorView(r.statusCode(), ErrorResponses.messageOf(r.bodyAsString()))))
                        .onFailure().recoverWithItem(f -> Json.encode(new ErrorView(503, "report-service is unavailable"))));
        // The pre-check's read is the first event; the polls follow.
        return (first == null ? polls : Multi.createBy().concatenating().streams(Multi.createFrom().item(first), polls))
                // Until (and including) the first ended analysis or error: the poll after it closes the
                // stream. Before the de-duplication, which would hold back the repeated final state.
                .select().first(body -> !ended.getAndSet(isFinal(body)))
                .skip().repetitions()
                .select().first(MAX_STREAM);
    }

    @GET
    @Path("/values")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A finding's series over the analysis window, read from the cluster's backend",
            description = "series: the id of a finding or group member of this analysis's report (nothing else can be read)")
    public Uni<Response> values(@PathParam("id") String id, @QueryParam("series") String series) {
        if (series == null || series.isBlank()) {
            return Uni.createFrom().item(error(400, "'series' is required: the id of one of the report's findings"));
        }
        ClusterScope scope = caller.get().scope();
        return proxy.callReportService(scope, HttpMethod.GET, "/api/v1/analyses/" + PathSegments.encode(id) + "/report")
                .chain(r -> {
                    if (r.statusCode() != 200) {
                        return Uni.createFrom().item(error(r.statusCode(), ErrorResponses.messageOf(r.bodyAsString())));
                    }
                    return Uni.createFrom().item(() -> read(r.bodyAsString(), series))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                })
                .onFailure().recoverWithItem(f -> error(503, "report-service is unavailable: " + f.getMessage()));
    }

    private Response read(String reportJson, String series) {
        JsonNode report;
        try {
            report = json.readTree(reportJson);
        } catch (IOException e) {
            return error(502, "report-service sent a report that does not parse");
        }
        JsonNode finding = null;
        for (JsonNode f : report.path("findings")) {
            if (series.equals(f.path("series").asText())) {
                finding = f;
            }
        }
        if (finding == null) {
            return error(404, "no finding " + series + " in this analysis");
        }
        ClusterBackend backend = tenants.backend(report.path("cluster").asText()).orElse(null);
        if (backend == null) {
            return error(404, "cluster " + report.path("cluster").asText() + " is no longer configured");
        }
        // Built here from the series id, never taken from the caller: on a backend shared by several
        // clusters the cluster's own matcher keeps the read inside the caller's tenant.
        String selector = backend.tenantMode() == ClusterBackend.TenantMode.LABEL
                ? SeriesIds.withMatcher(series, backend.clusterLabel(), backend.tenant()) : series;
        JsonNode window = report.path("window");
        long step = Math.max(1, window.path("stepSeconds").asLong(15));
        String query = "COUNTER_RATE".equals(finding.path("valueKind").asText())
                ? "rate(" + selector + "[" + Math.max(60, 4 * step) + "s])" : selector;
        long start = Instant.parse(window.path("start").asText()).getEpochSecond();
        long end = Instant.parse(window.path("end").asText()).getEpochSecond();
        try {
            JsonNode result = backends.getJson(backend, backend.url("/api/v1/query_range") + "?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&start=" + start + "&end=" + end + "&step=" + step)
                    .path("data").path("result");
            List<Long> timestamps = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            if (result.size() > 0) {
                for (JsonNode point : result.get(0).path("values")) {
                    timestamps.add(point.get(0).asLong());
                    double v = Double.parseDouble(point.get(1).asText());
                    values.add(Double.isFinite(v) ? v : null);
                }
            }
            return Response.ok(new ValuesView(series, query, timestamps, values), MediaType.APPLICATION_JSON).build();
        } catch (BackendClient.BackendException e) {
            return error(502, e.getMessage());
        }
    }

    private boolean isFinal(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.has("error") || AnalysisStatus.ended(node.path("status").asText());
        } catch (IOException e) {
            return true;
        }
    }

    private static Response error(int status, String message) {
        return ErrorResponses.json(status, message).build();
    }
}
