package io.patternscope.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricIdentityTest {

    @Test
    void aPodAndItsSuccessorShareAnIdentityAndOtherServicesDoNot() {
        String before = MetricIdentity.of("queue_depth", Map.of("__name__", "queue_depth", "service", "cart",
                "pod", "cart-7d9f-abcde", "instance", "10.0.0.7:9090"));
        String after = MetricIdentity.of("queue_depth", Map.of("service", "cart", "pod", "cart-7d9f-zzzzz",
                "instance", "10.0.0.9:9090"));
        assertEquals("queue_depth{service=\"cart\"}", before);
        assertEquals(before, after);
        assertNotEquals(before, MetricIdentity.of("queue_depth", Map.of("service", "checkout", "pod", "x")));
    }

    @Test
    void quotesInValuesAreEscaped() {
        assertEquals("m{a=\"x\\\"y\",b=\"2\"}", MetricIdentity.of("m", Map.of("b", "2", "a", "x\"y")));
    }
}
