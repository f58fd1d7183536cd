package io.patternscope.gateway.rest;

import io.patternscope.core.api.ApiViews;
import io.patternscope.gateway.client.ServiceProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pattern classification of arbitrary series, routed to classifier-service. */
@Path("/api/v1/patterns/classify")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patterns", description = "Name the anomaly pattern of series with the trained CNN")
public class PatternsResource {

    private final ServiceProxy proxy;

    public PatternsResource(ServiceProxy proxy) {
        this.proxy = proxy;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Classify series into the 14 anomaly patterns",
            description = "Values are numbers; null or \"NaN\" mark gaps. At most 1,000 series of 20,000 points.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "step", value = "{\"series\":[{\"id\":\"a\",\"values\":[1,1,1,1,1,9,9,9,9,9]}]}")))
    @APIResponse(responseCode = "200", description = "{\"model\":\"pattern-cnn@7\",\"results\":[{\"id\",\"pattern\",\"type\","
            + "\"confidence\",\"uncertain\",\"probabilities\":{...}}]}; uncertain: below the confidence where the model's "
            + "held-out verdicts on real windows were right far less often than the others (model card)")
    @APIResponse(responseCode = "400", description = "empty, too long, non-numeric or all-NaN input",
            content = @Content(schema = @Schema(implementation = ApiViews.ErrorView.class)))
    @APIResponse(responseCode = "503", description = "no pattern model installed, or classifier-service unavailable",
            content = @Content(schema = @Schema(implementation = ApiViews.ErrorView.class)))
    public Uni<Response> classify(String body) {
        return proxy.toClassifierService(HttpMethod.POST, "/api/v1/patterns/classify", body == null ? "" : body);
    }
}
