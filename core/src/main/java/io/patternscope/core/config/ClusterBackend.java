package io.patternscope.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach the metrics of one cluster. Cortex isolates tenants with a header
 * ({@link TenantMode#HEADER}: {@code X-Scope-OrgID: <tenant>}) behind a path prefix such as
 * {@code /prometheus}; a plain Prometheus holding several clusters tells them apart by a label
 * ({@link TenantMode#LABEL}: every selector gets {@code cluster="<tenant>"}).
 *
 * @param tlsCaFile PEM file of the certificate authorities to trust for this backend (a private CA);
 *                  empty: the JVM's default trust store
 */
public record ClusterBackend(
        String name,
        String baseUrl,
        String pathPrefix,
        TenantMode tenantMode,
        String tenant,
        String tenantHeader,
        String clusterLabel,
        Optional<String> bearerToken,
        Optional<String> basicUser,
        Optional<String> basicPassword,
        Duration requestTimeout,
        Optional<Path> tlsCaFile) {

    public enum TenantMode { LABEL, HEADER }

    /** A backend whose TLS certificate (if any) the JVM's default trust store verifies. */
    public ClusterBackend(String name, String baseUrl, String pathPrefix, TenantMode tenantMode, String tenant,
                          String tenantHeader, String clusterLabel, Optional<String> bearerToken,
                          Optional<String> basicUser, Optional<String> basicPassword, Duration requestTimeout) {
        this(name, baseUrl, pathPrefix, tenantMode, tenant, tenantHeader, clusterLabel, bearerToken, basicUser,
                basicPassword, requestTimeout, Optional.empty());
    }

    /** {@code base + prefix + path}, e.g. {@code http://cortex:9009/prometheus/api/v1/series}. */
    public String url(String apiPath) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + pathPrefix + apiPath;
    }
}
