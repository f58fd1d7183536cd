package io.patternscope.gateway.auth;

import io.patternscope.core.api.ClusterScope;
import java.util.Set;

/** Who is calling: the token's id and name, its tenants and the clusters those tenants own. */
public record Caller(String tokenId, String name, Set<String> tenants, ClusterScope scope) {
}
