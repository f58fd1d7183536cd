package io.patternscope.core.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.ranking.PatternWeights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentRankerTest {

    private final ComponentRanker ranker = new ComponentRanker(PatternWeights.defaults(), 300_000);

    private static ComponentRanker.Evidence finding(String component, double effect, long onset) {
        return finding(component, "latency_seconds", effect, onset);
    }

    private static ComponentRanker.Evidence finding(String component, String metric, double effect, long onset) {
        return new ComponentRanker.Evidence(component, metric + "{service=\"" + component + "\"}", "LEVEL_SHIFT_UP", effect,
                onset, SignalKind.of(metric, Map.of()));
    }

    /** frontend → checkout → cart → db; checkout → payment. */
    private static ServiceGraph shop() {
        ServiceGraph graph = new ServiceGraph();
        graph.addFromTopology("""
                # the shop
                frontend -> checkout
                checkout -> cart
                cart -> db
                checkout -> payment
                """);
        return graph;
    }

    @Test
    void theAnomalousComponentWhoseCalleesAreNormalRanksFirstEvenWhenItsCallersChangedMore() {
        List<ComponentRanker.Evidence> findings = List.of(finding("frontend", 40, 3000), finding("checkout", 30, 2000),
                finding("cart", 6, 1000));
        ComponentRanker.Ranking r = ranker.rank(findings, shop(), "frontend");
        assertEquals("cart", r.causes().get(0).component());
        assertFalse(r.causes().get(0).explained());
        assertTrue(r.causes().get(0).reason().contains("its own latency"), r.causes().get(0).reason());
        assertEquals("checkout", r.causes().get(1).component());
        assertTrue(r.causes().get(1).explained());
        assertTrue(r.causes().get(1).reason().contains("cart"), r.causes().get(1).reason());
        assertEquals("frontend", r.alerting().component(), "the alerting component is reported apart");
        assertEquals(2, r.causes().size());
    }

    @Test
    void withoutAGraphTheStrongestComponentRanksFirst() {
        ComponentRanker.Ranking r = ranker.rank(List.of(finding("a", 5, 1), finding("b", 9, 2)), new ServiceGraph(), null);
        assertEquals(List.of("b", "a"), r.causes().stream().map(ComponentRanker.RankedComponent::component).toList());
        assertNull(r.alerting());
    }

    @Test
    void theAlertingComponentIsTheCauseOnlyWhenNothingElseChanged() {
        ComponentRanker.Ranking r = ranker.rank(List.of(finding("frontend", 12, 1)), shop(), "frontend");
        assertEquals("frontend", r.causes().get(0).component());
    }

    @Test
    void patternsThatWeighNothingAndHugeEffectsAreKeptInProportion() {
        List<ComponentRanker.Evidence> findings = List.of(
                new ComponentRanker.Evidence("a", "a_up", "NONE", 100, 1, SignalKind.SATURATION),
                new ComponentRanker.Evidence("b", "b_avail", "SUDDEN_DECREASE", -1000, 1, SignalKind.ERRORS),
                new ComponentRanker.Evidence("c", "c_cpu", "LEVEL_SHIFT_UP", 45, 1, SignalKind.SATURATION),
                new ComponentRanker.Evidence("c", "c_mem", "LEVEL_SHIFT_UP", 30, 1, SignalKind.SATURATION));
        ComponentRanker.Ranking r = ranker.rank(findings, new ServiceGraph(), null);
        assertEquals(List.of("c", "b"), r.causes().stream().map(ComponentRanker.RankedComponent::component).toList(),
                "NONE counts nothing; −1000 σ counts as the 50 σ cap; two agreeing metrics add up");
        assertEquals(2, r.causes().get(0).evidence().size());
    }

    @Test
    void aTrafficSurgeAtTheEdgeIsItsOwnCauseWhileTheLoadItPassesDownExplainsTheServicesBelow() {
        List<ComponentRanker.Evidence> findings = List.of(
                finding("frontend", "request_count", 20, 1000),
                finding("checkout", "request_count", 15, 1000), finding("checkout", "cpu_utilization_percent", 30, 1000),
                finding("cart", "request_count", 12, 1000), finding("cart", "latency_seconds", 8, 1000),
                finding("db", "request_count", 10, 1000), finding("db", "cpu_utilization_percent", 40, 1000),
                finding("db", "latency_seconds", 9, 1000));
        ComponentRanker.Ranking r = ranker.rank(findings, shop(), null);
        assertEquals("frontend", r.causes().get(0).component(), r.causes().toString());
        assertFalse(r.causes().get(0).explained());
    }

    @Test
    void aCalleeWhoseTroubleBeganLaterDoesNotExplainItsCaller() {
        List<ComponentRanker.Evidence> findings = List.of(finding("cart", 10, 1_000_000),
                finding("db", 4, 1_000_000 + 1_800_000));
        ComponentRanker.Ranking r = ranker.rank(findings, shop(), null);
        assertEquals("cart", r.causes().get(0).component(), "db's latency began 30 minutes after cart's");
        assertFalse(r.causes().get(0).explained());
    }

    @Test
    void metricNamesSayWhichWayTheirSignalTravels() {
        assertEquals(SignalKind.LATENCY, SignalKind.of("http_request_duration_seconds", Map.of()));
        assertEquals(SignalKind.LATENCY, SignalKind.of("latency_seconds", Map.of()));
        assertEquals(SignalKind.ERRORS, SignalKind.of("availability_percent", Map.of()));
        assertEquals(SignalKind.ERRORS, SignalKind.of("http_requests_total", Map.of("code", "503")));
        assertEquals(SignalKind.LOAD, SignalKind.of("http_requests_total", Map.of("code", "200")));
        assertEquals(SignalKind.LOAD, SignalKind.of("request_count", Map.of()));
        assertEquals(SignalKind.SATURATION, SignalKind.of("container_cpu_usage_seconds_total", Map.of()));
        assertEquals(SignalKind.SATURATION, SignalKind.of("jvm_gc_pause_seconds_total", Map.of()));
        assertEquals(SignalKind.SATURATION, SignalKind.of("queue_depth", Map.of()));
        assertEquals(SignalKind.SATURATION, SignalKind.of(null, null));
    }

    @Test
    void serviceGraphMetricsAndTopologyBecomeEdges() {
        ServiceGraph graph = new ServiceGraph();
        graph.addFromSeries(Map.of("__name__", "traces_service_graph_request_total", "client", "web", "server", "api"));
        graph.addFromSeries(Map.of("__name__", "istio_requests_total", "source_workload", "api",
                "destination_workload", "db"));
        graph.addFromSeries(Map.of("__name__", "request_total", "deployment", "api", "dst_deployment", "cache"));
        graph.addFromSeries(Map.of("__name__", "istio_requests_total", "source_workload", "api",
                "destination_workload", "api"));
        graph.addFromSeries(Map.of("__name__", "up", "client", "x", "server", "y"));
        assertEquals(List.of("api → cache", "api → db", "web → api"), graph.edges());
        assertTrue(ServiceGraph.isGraphMetric(Map.of("__name__", "traces_service_graph_request_total", "client", "a",
                "server", "b")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> graph.addFromTopology("a -> b\nnot an edge\n"));
        assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
    }

    @Test
    void componentsAreReadFromTheFirstLabelPresentAndPodsNameTheirWorkload() {
        ComponentResolver resolver = ComponentResolver.defaults();
        assertEquals("cart", resolver.componentOf(Map.of("service", "cart", "pod", "other-7d9f8b6c5d-x2x4k")));
        assertEquals("checkout", resolver.componentOf(Map.of("pod", "checkout-7d9f8b6c5d-x2x4k")));
        assertEquals("db", resolver.componentOf(Map.of("pod", "db-2")));
        assertEquals("node-exporter", resolver.componentOf(Map.of("pod", "node-exporter-x8k2p")));
        assertNull(resolver.componentOf(Map.of("instance", "10.0.0.1:9100")));
        assertEquals("api", new ComponentResolver(List.of("app")).componentOf(Map.of("app", "api", "service", "x")));
        assertThrows(IllegalArgumentException.class, () -> new ComponentResolver(List.of()));
    }
}
