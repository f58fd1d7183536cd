package io.patternscope.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterBackendsTest {

    @Test
    void readsLabelAndHeaderClusters() {
        ClusterBackends clusters = ClusterBackends.fromProperties(Map.of(
                "patternscope.clusters.east.base-url", "http://127.0.0.1:9090",
                "patternscope.clusters.prod.base-url", "http://cortex:9009/",
                "patternscope.clusters.prod.path-prefix", "prometheus",
                "patternscope.clusters.prod.tenant-mode", "header",
                "patternscope.clusters.prod.tenant", "org-7",
                "patternscope.clusters.prod.bearer-token", "s3cret",
                "unrelated.key", "x"));
        assertEquals(java.util.Set.of("east", "prod"), clusters.names());
        ClusterBackend prod = clusters.find("prod").orElseThrow();
        assertEquals(ClusterBackend.TenantMode.HEADER, prod.tenantMode());
        assertEquals("http://cortex:9009/prometheus/api/v1/read", prod.url("/api/v1/read"));
        assertEquals("org-7", prod.tenant());
        assertTrue(prod.bearerToken().isPresent());
        ClusterBackend east = clusters.find("east").orElseThrow();
        assertEquals(ClusterBackend.TenantMode.LABEL, east.tenantMode());
        assertEquals("east", east.tenant());
        assertEquals("cluster", east.clusterLabel());
    }

    @Test
    void rejectsAClusterWithoutABaseUrlWithASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterBackends.fromProperties(Map.of("patternscope.clusters.west.tenant", "w")));
        assertTrue(e.getMessage().contains("west"));
    }
}
