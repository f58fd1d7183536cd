package io.patternscope.core.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The clusters a caller may see. The gateway resolves the caller's token to its tenants' clusters
 * and passes them to report-service in {@link #HEADER}; report-service answers 404 for an analysis
 * of any other cluster, as if it did not exist. No header: an internal caller, unrestricted (only
 * the gateway reaches report-service; see the NetworkPolicies in k8s/).
 */
public record ClusterScope(Set<String> clusters) {

    public static final String HEADER = "X-Patternscope-Clusters";

    /** The header value for "no cluster at all": an empty header may be dropped on the way and read as none. */
    static final String NONE = "!none";

    /** Every cluster: for callers inside the cluster network. */
    public static final ClusterScope UNRESTRICTED = new ClusterScope(null);

    public ClusterScope {
        clusters = clusters == null ? null : Set.copyOf(clusters);
    }

    public static ClusterScope of(Collection<String> clusters) {
        return new ClusterScope(new TreeSet<>(clusters));
    }

    /** The header's value (comma-separated names; {@code !none} or blank: no cluster at all); null: unrestricted. */
    public static ClusterScope parse(String header) {
        if (header == null) {
            return UNRESTRICTED;
        }
        return new ClusterScope(Arrays.stream(header.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals(NONE)).collect(Collectors.toSet()));
    }

    public boolean unrestricted() {
        return clusters == null;
    }

    public boolean allows(String cluster) {
        return clusters == null || clusters.contains(cluster);
    }

    /** The header value that {@link #parse} reads back (sorted, so logs and caches are stable). */
    public String header() {
        if (clusters == null) {
            return null;
        }
        return clusters.isEmpty() ? NONE : String.join(",", new TreeSet<>(clusters));
    }
}
