package io.patternscope.report.service;

import io.patternscope.core.components.ComponentResolver;
import io.patternscope.core.components.ServiceGraph;
import io.patternscope.report.config.ComponentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A cluster's component labels and topology, from {@link ComponentsConfig}. The topology file is read
 * when a report is built, so an edited file applies to the analyses that end after the edit; an
 * unreadable or malformed one is logged and the report uses the service-graph metrics alone.
 */
@ApplicationScoped
public class ComponentSetup {

    private static final Logger LOG = Logger.getLogger(ComponentSetup.class);

    private final ComponentsConfig config;

    public ComponentSetup(ComponentsConfig config) {
        this.config = config;
    }

    public ComponentResolver resolver(String cluster) {
        ComponentsConfig.Cluster own = config.clusters().get(cluster);
        List<String> labels = own == null ? config.labels() : own.labels().orElse(config.labels());
        return new ComponentResolver(labels);
    }

    /** The cluster's topology as a graph (empty without a topology file). */
    public ServiceGraph topology(String cluster) {
        ServiceGraph graph = new ServiceGraph();
        ComponentsConfig.Cluster own = config.clusters().get(cluster);
        if (own == null || own.topologyFile().isEmpty()) {
            return graph;
        }
        Path file = Path.of(own.topologyFile().get());
        try {
            graph.addFromTopology(Files.readString(file));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("cluster %s: topology file %s not used: %s", cluster, file, e.getMessage());
            return new ServiceGraph();
        }
        return graph;
    }
}
