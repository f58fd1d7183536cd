package io.patternscope.clusters;

import io.patternscope.core.config.ClusterBackends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The cluster table every service agrees on: {@code patternscope.clusters.*} from the service's
 * configuration (application.properties, -D flags) plus, when {@code patternscope.clusters-file}
 * names one, a properties file such as a mounted Kubernetes ConfigMap.
 */
@ApplicationScoped
public class ClusterBackendsProducer {

    @Produces
    @Singleton
    ClusterBackends clusters() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> inline = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ClusterBackends.PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(v -> inline.put(name, v));
            }
        }
        Optional<Path> file = config.getOptionalValue("patternscope.clusters-file", String.class)
                .filter(s -> !s.isBlank()).map(Path::of);
        return ClusterBackends.fromProperties(inline, file);
    }
}
