package io.patternscope.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How series map to components, and where a cluster's service graph comes from besides the
 * service-graph metrics of the analysis itself.
 *
 * <pre>
 * patternscope.components.labels = component,service,...,pod      (the default order, for every cluster)
 * patternscope.components.clusters.east.labels = app,pod           (one cluster's own order)
 * patternscope.components.clusters.east.topology-file = /etc/patternscope/east.topology
 * </pre>
 * A topology file holds one edge per line, {@code client -> server}.
 */
@ConfigMapping(prefix = "patternscope.components")
public interface ComponentsConfig {

    @WithDefault("component,service,microservice,service_name,workload,deployment,statefulset,daemonset,"
            + "app_kubernetes_io_name,app,job,pod")
    List<String> labels();

    Map<String, Cluster> clusters();

    interface Cluster {
        Optional<List<String>> labels();

        Optional<String> topologyFile();
    }
}
