package io.patternscope.report.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.api.ApiViews;
import io.patternscope.report.repository.RelevanceRepository;
import io.patternscope.report.service.RelevanceService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * A tenant's learnt relevance: GET its labels and cross-validated figures; PUT whether reports rank
 * by it, the preferred precision and recall, and the labels of each kind a model needs. The gateway
 * checks that the caller belongs to the tenant.
 */
@Path("/api/v1/tenants/{tenant}/relevance")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RelevanceResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RelevanceService relevance;

    public RelevanceResource(RelevanceService relevance) {
        this.relevance = relevance;
    }

    @GET
    public ApiViews.RelevanceView get(@PathParam("tenant") String tenant) {
        return relevance.evaluate(tenant);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public ApiViews.RelevanceView put(@PathParam("tenant") String tenant, String body) {
        RelevanceRepository.Settings current = relevance.settings(tenant);
        JsonNode node;
        try {
            node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON: expected {\"enabled\":true,\"precision\":0.66,\"recall\":0.66,\"minLabels\":30}");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("relevance settings are a JSON object like {\"enabled\":false}");
        }
        boolean enabled = node.has("enabled") ? bool(node.get("enabled")) : current.enabled();
        double precision = node.has("precision") ? share(node.get("precision"), "precision") : current.precision();
        double recall = node.has("recall") ? share(node.get("recall"), "recall") : current.recall();
        int minLabels = current.minLabels();
        if (node.has("minLabels")) {
            if (!node.get("minLabels").canConvertToInt() || node.get("minLabels").asInt() < 5 || node.get("minLabels").asInt() > 10_000) {
                throw ApiException.badRequest("'minLabels' must be a whole number from 5 to 10000");
            }
            minLabels = node.get("minLabels").asInt();
        }
        relevance.save(new RelevanceRepository.Settings(tenant, enabled, precision, recall, minLabels));
        return relevance.evaluate(tenant);
    }

    private static boolean bool(JsonNode value) {
        if (!value.isBoolean()) {
            throw ApiException.badRequest("'enabled' must be true or false");
        }
        return value.asBoolean();
    }

    private static double share(JsonNode value, String field) {
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            throw ApiException.badRequest("'" + field + "' must be a number from 0 to 1");
        }
        return value.asDouble();
    }
}
