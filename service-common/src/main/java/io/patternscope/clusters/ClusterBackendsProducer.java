package io.patternscope.clusters;

import io.patternscope.core.config.ClusterBackends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The cluster table every service agrees on: {@code patternscope.clusters.*} from the service's
 * configuration (application.properties, -D flags) plus the properties files that
 * {@code patternscope.clusters-file} names, comma-separated (a mounted ConfigMap with the table, a
 * Secret with its credentials).
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
        List<Path> files = config.getOptionalValue("patternscope.clusters-file", String.class).stream()
                .flatMap(s -> Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        return ClusterBackends.fromProperties(inline, files);
    }
}
