package io.patternscope.gateway.rest;

import io.patternscope.gateway.auth.Caller;
import io.patternscope.gateway.auth.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the token belongs to: the UI's login check and its cluster picker. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth", description = "The caller's token, tenants and clusters")
public class MeResource {

    public record MeView(String name, List<String> tenants, List<String> clusters) {
    }

    private final CurrentCaller caller;

    public MeResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The calling token's name, tenants and the clusters they own")
    public MeView me() {
        Caller c = caller.get();
        return new MeView(c.name(), List.copyOf(new TreeSet<>(c.tenants())), List.copyOf(new TreeSet<>(c.scope().clusters())));
    }
}
