package io.patternscope.gateway.rest;

import io.patternscope.gateway.auth.Caller;
import io.patternscope.gateway.auth.TenantDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;

/** A tenant's own resources: only its tokens (or * tokens) reach them; any other caller gets the 404 of a tenant that does not exist. */
final class TenantAccess {

    private TenantAccess() {
    }

    static boolean allows(Caller caller, String tenant) {
        return caller.tenants().contains(tenant) || caller.tenants().contains(TenantDirectory.EVERY_TENANT);
    }

    static Uni<Response> notFound(String tenant) {
        return Uni.createFrom().item(ErrorResponses.json(404, "no tenant " + tenant).build());
    }
}
