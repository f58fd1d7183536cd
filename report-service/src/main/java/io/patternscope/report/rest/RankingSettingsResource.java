package io.patternscope.report.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.ranking.RankingSettings;
import io.patternscope.report.repository.TenantRankingRepository;
import io.patternscope.report.service.Transactions;
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
 * A tenant's ranking settings; they rank every analysis of the tenant's clusters that ends after
 * the change. The gateway checks that the caller belongs to the tenant.
 */
@Path("/api/v1/tenants/{tenant}/ranking")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RankingSettingsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantRankingRepository ranking;
    private final Transactions tx;

    public RankingSettingsResource(TenantRankingRepository ranking, Transactions tx) {
        this.ranking = ranking;
        this.tx = tx;
    }

    @GET
    public RankingSettings get(@PathParam("tenant") String tenant) {
        return tx.readOnly(() -> ranking.settings(tenant));
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public RankingSettings put(@PathParam("tenant") String tenant, String body) {
        RankingSettings asked;
        try {
            // Fields left out keep the defaults: {"hiddenPatterns":["FLUCTUATIONS"]} alone is a valid request.
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new IOException("not an object");
            }
            RankingSettings d = RankingSettings.defaults(tenant);
            asked = new RankingSettings(tenant, number(node, "stillAbnormal", d.stillAbnormal()),
                    number(node, "recovered", d.recovered()),
                    node.has("patternWeights") ? JSON.convertValue(node.get("patternWeights"),
                            new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Double>>() { }) : null,
                    node.has("hiddenPatterns") ? JSON.convertValue(node.get("hiddenPatterns"),
                            new com.fasterxml.jackson.core.type.TypeReference<java.util.List<String>>() { }) : null,
                    node.hasNonNull("reference") ? text(node, "reference") : null);
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("malformed ranking settings: expected {\"stillAbnormal\":0.8,\"recovered\":0.2,"
                    + "\"patternWeights\":{\"SINGLE_SPIKE\":0.1},\"hiddenPatterns\":[\"FLUCTUATIONS\"],\"reference\":\"AUTO\"}");
        }
        String problem = asked.problem();
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
        return tx.inTransaction(() -> ranking.save(asked));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        if (!node.get(field).isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be PRECEDING, DAILY, WEEKLY or AUTO");
        }
        return node.get(field).asText();
    }

    private static double number(com.fasterxml.jackson.databind.JsonNode node, String field, double fallback) {
        if (!node.has(field)) {
            return fallback;
        }
        if (!node.get(field).isNumber()) {
            throw ApiException.badRequest("'" + field + "' must be a number between 0 and " + (int) RankingSettings.MAX_WEIGHT);
        }
        return node.get(field).asDouble();
    }
}
