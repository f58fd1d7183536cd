package io.patternscope.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the cluster table from flat properties, the form Quarkus configuration, a Kubernetes
 * ConfigMap file and {@code -D} flags all share:
 *
 * <pre>
 * patternscope.clusters.&lt;name&gt;.base-url      = http://cortex:9009   (required)
 * patternscope.clusters.&lt;name&gt;.path-prefix   = /prometheus          (default empty)
 * patternscope.clusters.&lt;name&gt;.tenant-mode   = header | label       (default label)
 * patternscope.clusters.&lt;name&gt;.tenant        = org-1                (default: the name)
 * patternscope.clusters.&lt;name&gt;.tenant-header = X-Scope-OrgID        (default)
 * patternscope.clusters.&lt;name&gt;.cluster-label = cluster              (default)
 * patternscope.clusters.&lt;name&gt;.bearer-token | basic-user | basic-password
 * patternscope.clusters.&lt;name&gt;.timeout       = PT30S                (default)
 * patternscope.clusters.&lt;name&gt;.tls-ca-file   = /etc/patternscope/cortex-ca.pem (trust this CA for https)
 * </pre>
 */
public final class ClusterBackends {

    public static final String PREFIX = "patternscope.clusters.";

    private final Map<String, ClusterBackend> byName;

    private ClusterBackends(Map<String, ClusterBackend> byName) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    public static ClusterBackends fromProperties(Map<String, String> properties) {
        Map<String, Map<String, String>> grouped = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                String rest = key.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    grouped.computeIfAbsent(rest.substring(0, dot), k -> new HashMap<>()).put(rest.substring(dot + 1), value);
                }
            }
        });
        Map<String, ClusterBackend> byName = new HashMap<>();
        grouped.forEach((name, settings) -> byName.put(name, backend(name, settings)));
        return new ClusterBackends(byName);
    }

    /**
     * Adds the clusters of properties files (e.g. a mounted ConfigMap with the table and a Secret
     * with its credentials) to those given inline; later files and inline values win.
     */
    public static ClusterBackends fromProperties(Map<String, String> properties, java.util.List<Path> files) {
        Map<String, String> all = new HashMap<>();
        files.forEach(path -> {
            Properties loaded = new Properties();
            try (Reader reader = Files.newBufferedReader(path)) {
                loaded.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the clusters file " + path + ": " + e.getMessage(), e);
            }
            loaded.stringPropertyNames().forEach(k -> all.put(k, loaded.getProperty(k)));
        });
        all.putAll(properties);
        return fromProperties(all);
    }

    private static ClusterBackend backend(String name, Map<String, String> s) {
        String baseUrl = s.get("base-url");
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("cluster '" + name + "' has no " + PREFIX + name + ".base-url");
        }
        String prefix = s.getOrDefault("path-prefix", "");
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            prefix = "/" + prefix;
        }
        ClusterBackend.TenantMode mode;
        try {
            mode = ClusterBackend.TenantMode.valueOf(s.getOrDefault("tenant-mode", "label").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cluster '" + name + "': tenant-mode must be 'label' or 'header'");
        }
        return new ClusterBackend(name, baseUrl, prefix, mode,
                s.getOrDefault("tenant", name),
                s.getOrDefault("tenant-header", "X-Scope-OrgID"),
                s.getOrDefault("cluster-label", "cluster"),
                Optional.ofNullable(s.get("bearer-token")).filter(v -> !v.isBlank()),
                Optional.ofNullable(s.get("basic-user")).filter(v -> !v.isBlank()),
                Optional.ofNullable(s.get("basic-password")),
                Duration.parse(s.getOrDefault("timeout", "PT30S")),
                Optional.ofNullable(s.get("tls-ca-file")).filter(v -> !v.isBlank()).map(Path::of));
    }

    /**
     * The table from a service's configuration: every {@code patternscope.clusters.*} property plus
     * the properties files that {@code patternscope.clusters-file} names, comma-separated.
     */
    public static ClusterBackends fromConfig(Iterable<String> propertyNames,
                                             java.util.function.Function<String, Optional<String>> value) {
        Map<String, String> inline = new HashMap<>();
        for (String name : propertyNames) {
            if (name.startsWith(PREFIX)) {
                value.apply(name).ifPresent(v -> inline.put(name, v));
            }
        }
        java.util.List<Path> files = value.apply("patternscope.clusters-file").stream()
                .flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .map(Path::of).toList();
        return fromProperties(inline, files);
    }

    public Optional<ClusterBackend> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
