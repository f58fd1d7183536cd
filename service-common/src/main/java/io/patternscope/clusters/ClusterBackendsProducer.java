package io.patternscope.clusters;

import io.patternscope.core.config.ClusterBackends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The cluster table every service agrees on: {@code patternscope.clusters.*} from the service's
 * configuration (application.properties, -D flags) plus the properties files that
 * {@code patternscope.clusters-file} names (a mounted ConfigMap with the table, a Secret with its
 * credentials).
 */
@ApplicationScoped
public class ClusterBackendsProducer {

    @Produces
    @Singleton
    ClusterBackends clusters() {
        Config config = ConfigProvider.getConfig();
        return ClusterBackends.fromConfig(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }
}
