package io.patternscope.rca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.demo.AnalysisDriver;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench rca --teach}: an operator who knows each incident's injected root cause labels every
 * finding of its report — the root-cause component's findings ROOT_CAUSE, every other one
 * NOT_ANOMALOUS (for this benchmark, "not what I look for") — so the tenant's relevance model can be
 * measured against the PatternMatcher score on findings whose truth is known.
 */
final class SimulatedOperator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatedOperator() {
    }

    static void label(AnalysisDriver driver, JsonNode report, String rootComponent) throws Exception {
        String path = "/api/v1/analyses/" + report.path("analysisId").asText() + "/feedback";
        for (JsonNode f : report.path("findings")) {
            String verdict = rootComponent.equals(f.path("component").asText()) ? "ROOT_CAUSE" : "NOT_ANOMALOUS";
            String body = JSON.createObjectNode().put("series", f.path("series").asText()).put("verdict", verdict).toString();
            AnalysisDriver.Reply reply = driver.post(path, body);
            if (reply.status() != 200) {
                throw new IllegalStateException("feedback refused: HTTP " + reply.status() + " " + reply.body());
            }
        }
    }

    /** The tenant's relevance figures as {@code relevance.*} lines. */
    static void printRelevance(AnalysisDriver driver, String tenant) throws Exception {
        AnalysisDriver.Reply reply = driver.get("/api/v1/tenants/" + tenant + "/relevance");
        for (Iterator<Map.Entry<String, JsonNode>> it = reply.body().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode v = field.getValue();
            String value = v.isNumber() && !v.isIntegralNumber() ? String.format(Locale.ROOT, "%.3f", v.asDouble()) : v.asText();
            if (!field.getKey().equals("note") && !field.getKey().equals("tenant")) {
                System.out.println("relevance." + field.getKey() + " " + value);
            }
        }
        System.out.println("# " + reply.body().path("note").asText());
    }
}
