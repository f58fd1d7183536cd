package io.patternscope.gateway.auth;

import io.patternscope.core.api.ClusterScope;
import io.patternscope.core.config.ClusterBackend;
import io.patternscope.core.config.ClusterBackends;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tenants own clusters: a cluster belongs to the tenant its table entry names
 * ({@code patternscope.clusters.<name>.tenant}, by default the cluster's own name — one tenant per
 * cluster, as in Cortex). {@code *} stands for every tenant (an operator's token).
 */
@ApplicationScoped
public class TenantDirectory {

    public static final String EVERY_TENANT = "*";

    private final ClusterBackends clusters;
    private final Map<String, String> alertmanagers = new HashMap<>();

    public TenantDirectory() {
        Config config = ConfigProvider.getConfig();
        this.clusters = ClusterBackends.fromConfig(config.getPropertyNames(), n -> config.getOptionalValue(n, String.class));
        for (String name : clusters.names()) {
            config.getOptionalValue(ClusterBackends.PREFIX + name + ".alertmanager-url", String.class)
                    .ifPresent(url -> alertmanagers.put(name, url.replaceAll("/$", "")));
        }
    }

    /** The clusters of these tenants — always an explicit list, never "unrestricted". */
    public ClusterScope scopeOf(Set<String> tenants) {
        Set<String> visible = new TreeSet<>();
        for (String name : clusters.names()) {
            ClusterBackend backend = clusters.find(name).orElseThrow();
            if (tenants.contains(EVERY_TENANT) || tenants.contains(backend.tenant())) {
                visible.add(name);
            }
        }
        return ClusterScope.of(visible);
    }

    public Optional<ClusterBackend> backend(String cluster) {
        return clusters.find(cluster);
    }

    /** The cluster's Alertmanager ({@code patternscope.clusters.<name>.alertmanager-url}), if it has one. */
    public Optional<String> alertmanager(String cluster) {
        return Optional.ofNullable(alertmanagers.get(cluster));
    }
}
