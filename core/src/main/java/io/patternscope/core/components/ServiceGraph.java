package io.patternscope.core.components;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who calls whom: directed edges client → server between components. Built from metrics operators
 * already have — every series of a service-graph metric names one edge in its labels — or from a
 * topology text. Edges from a component to itself are dropped. Not thread-safe while being built.
 *
 * <table>
 *   <caption>Metrics read as edges</caption>
 *   <tr><th>source</th><th>metric names</th><th>client label</th><th>server label</th></tr>
 *   <tr><td>Grafana Tempo / Agent service graphs</td><td>{@code traces_service_graph_request_*}</td><td>client</td><td>server</td></tr>
 *   <tr><td>Istio</td><td>{@code istio_requests_total}, {@code istio_request_duration_*}</td><td>source_workload</td><td>destination_workload</td></tr>
 *   <tr><td>Linkerd</td><td>{@code request_total}, {@code response_total}, {@code response_latency_ms_*}</td><td>deployment</td><td>dst_deployment</td></tr>
 * </table>
 */
public final class ServiceGraph {

    private record EdgeSource(String metricPrefix, String clientLabel, String serverLabel) {
    }

    private static final List<EdgeSource> SOURCES = List.of(
            new EdgeSource("traces_service_graph_request", "client", "server"),
            new EdgeSource("istio_request", "source_workload", "destination_workload"),
            new EdgeSource("request_total", "deployment", "dst_deployment"),
            new EdgeSource("response_total", "deployment", "dst_deployment"),
            new EdgeSource("response_latency_ms", "deployment", "dst_deployment"));

    private final Map<String, Set<String>> callees = new TreeMap<>();
    private final Map<String, Set<String>> callers = new TreeMap<>();
    private final Set<String> sources = new TreeSet<>();

    /** Reads one series: if it is a service-graph metric naming both ends, its edge is added. */
    public void addFromSeries(Map<String, String> labels) {
        String metric = labels.getOrDefault("__name__", "");
        for (EdgeSource source : SOURCES) {
            if (metric.startsWith(source.metricPrefix())) {
                String client = labels.get(source.clientLabel());
                String server = labels.get(source.serverLabel());
                if (client != null && server != null && !client.isBlank() && !server.isBlank()) {
                    addEdge(client, server);
                    sources.add(metric);
                }
                return;
            }
        }
    }

    /** True when a series of this metric name may name an edge (a cheap filter before reading its labels). */
    public static boolean mayBeGraphMetric(String metric) {
        if (metric == null) {
            return false;
        }
        for (EdgeSource source : SOURCES) {
            if (metric.startsWith(source.metricPrefix())) {
                return true;
            }
        }
        return false;
    }

    /** True when the series is a service-graph metric (an edge, not a component's own health). */
    public static boolean isGraphMetric(Map<String, String> labels) {
        String metric = labels.getOrDefault("__name__", "");
        for (EdgeSource source : SOURCES) {
            if (metric.startsWith(source.metricPrefix()) && labels.containsKey(source.clientLabel())
                    && labels.containsKey(source.serverLabel())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a topology text: one edge per line as {@code client -> server}; blank lines and lines
     * starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the first line that is not an edge
     */
    public void addFromTopology(String text) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] ends = line.split("->");
            if (ends.length != 2 || ends[0].isBlank() || ends[1].isBlank()) {
                throw new IllegalArgumentException("topology line " + (i + 1) + " is not 'client -> server': " + line);
            }
            addEdge(ends[0].strip(), ends[1].strip());
        }
        sources.add("topology");
    }

    public void addEdge(String client, String server) {
        if (!client.equals(server)) {
            callees.computeIfAbsent(client, k -> new TreeSet<>()).add(server);
            callers.computeIfAbsent(server, k -> new TreeSet<>()).add(client);
        }
    }

    /** The components a component calls (empty when none or unknown). */
    public Set<String> callees(String component) {
        return Collections.unmodifiableSet(callees.getOrDefault(component, Set.of()));
    }

    /** The components that call a component (empty when none or unknown). */
    public Set<String> callers(String component) {
        return Collections.unmodifiableSet(callers.getOrDefault(component, Set.of()));
    }

    public boolean isEmpty() {
        return callees.isEmpty();
    }

    public int edgeCount() {
        return callees.values().stream().mapToInt(Set::size).sum();
    }

    /** Every edge as "client → server", sorted. */
    public List<String> edges() {
        return callees.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(server -> e.getKey() + " → " + server)).toList();
    }

    /** Where the edges came from: metric names, or "topology". */
    public Set<String> sources() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(sources));
    }
}
