package io.patternscope.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterScopeTest {

    @Test
    void theHeaderRoundTripsIncludingTheEmptyScope() {
        assertEquals(Set.of("east", "west"), ClusterScope.parse(ClusterScope.of(List.of("west", "east")).header()).clusters());
        ClusterScope none = ClusterScope.parse(ClusterScope.of(List.of()).header());
        assertEquals(Set.of(), none.clusters());
        assertFalse(none.allows("east"));
        assertFalse(none.unrestricted());
    }

    @Test
    void noHeaderIsUnrestrictedAndABlankOneIsNothing() {
        assertTrue(ClusterScope.parse(null).allows("anything"));
        assertFalse(ClusterScope.parse(" ").allows("east"));
        assertTrue(ClusterScope.parse(" east , west").allows("west"));
    }
}
