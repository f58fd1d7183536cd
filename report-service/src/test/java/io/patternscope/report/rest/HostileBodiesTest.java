package io.patternscope.report.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.report.repository.AnalysisRepository;
import io.patternscope.report.service.Transactions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile requests (seeded, so a failure can be replayed): random JSON of every type in
 * every field, a valid body with one field replaced, and text that is not JSON at all. Whatever
 * arrives, the answer is a 202 or a 4xx with a sentence — never a 5xx — and only the 202s store a row.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(CallsFromTheGateway.class)
class HostileBodiesTest {

    private static final long SEED = 20261206L;
    private static final int BODIES = 1500;
    private static final List<String> FIELDS = List.of("cluster", "alert", "window", "start", "end", "name", "labels",
            "activeAt", "step", "testWindow", "testMargin", "selectors", "exclude", "fdrLevel", "minEffectSize", "maxSeries",
            "discordThreshold", "reference", "extra");
    private static final String VALID = "{\"cluster\":\"test-east\",\"window\":{\"start\":\"2026-11-23T06:00:00Z\","
            + "\"end\":\"2026-11-23T09:00:00Z\"},\"selectors\":[\"up\"],\"step\":\"PT1M\"}";

    @Inject
    AnalysisRepository analyses;
    @Inject
    Transactions tx;

    @Test
    void noBodyGetsA5xxAndOnlyAcceptedOnesAreStored() {
        Random random = new Random(SEED);
        long before = tx.readOnly(() -> analyses.count());
        int accepted = 0;
        for (int i = 0; i < BODIES; i++) {
            String body = switch (i % 3) {
                case 0 -> object(random, 0);
                case 1 -> mutated(random);
                default -> garbage(random);
            };
            Response response = given().contentType(ContentType.JSON).body(body).post("/api/v1/analyses");
            int status = response.statusCode();
            assertTrue(status == 202 || (status >= 400 && status < 500), "body #" + i + " (seed " + SEED + ") got " + status
                    + ": " + abbreviated(body) + " → " + response.asString());
            if (status == 202) {
                accepted++;
            } else {
                assertTrue(response.jsonPath().getString("error").length() > 10, "a sentence for body #" + i);
            }
        }
        long after = tx.readOnly(() -> analyses.count());
        assertEquals(before + accepted, after, "only the accepted requests stored an analysis");
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String mutated(Random r) {
        String field = FIELDS.get(r.nextInt(FIELDS.size()));
        String value = value(r, 1);
        if (VALID.contains("\"" + field + "\":")) {
            int at = VALID.indexOf("\"" + field + "\":") + field.length() + 3;
            int end = at;
            int depth = 0;
            do { // the end of the value: balanced braces and brackets, outside strings
                char c = VALID.charAt(end);
                if (c == '"') {
                    end = VALID.indexOf('"', end + 1);
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                end++;
            } while (depth > 0 || (end < VALID.length() && VALID.charAt(end) != ',' && VALID.charAt(end) != '}'));
            return VALID.substring(0, at) + value + VALID.substring(end);
        }
        return VALID.substring(0, VALID.length() - 1) + ",\"" + field + "\":" + value + "}";
    }

    private static String object(Random r, int depth) {
        StringBuilder out = new StringBuilder("{");
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(FIELDS.get(r.nextInt(FIELDS.size()))).append("\":").append(value(r, depth + 1));
        }
        return out.append('}').toString();
    }

    private static String value(Random r, int depth) {
        int kind = r.nextInt(depth > 2 ? 9 : 11);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> List.of("1e999", "-1e999", "1e308", "-0", "0", "4.9e-324", "9223372036854775808", "-1", "1e15", "NaN",
                    "123456789012345678901234567890").get(r.nextInt(11)).replace("NaN", "\"NaN\"");
            case 3 -> Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(20)));
            case 4 -> '"' + times(r) + '"';
            case 5 -> '"' + hostileText(r) + '"';
            case 6 -> List.of("\"PT1H\"", "\"-PT5M\"", "\"P9999999D\"", "\"PT0S\"", "\"P1D\"", "\"PT1S\"").get(r.nextInt(6));
            case 7 -> List.of("\"up{job=~\\\"(\\\"}\"", "\"{}\"", "\"up{a=\\\"b\\\"\"", "\"sum(rate(x[5m]))\"",
                    "\"up{job=~\\\"(?=x)\\\"}\"").get(r.nextInt(5));
            case 8 -> '"' + "x".repeat(r.nextInt(5000)) + '"';
            case 9 -> "[" + value(r, depth + 1) + "," + value(r, depth + 1) + "]";
            default -> object(r, depth);
        };
    }

    private static String times(Random r) {
        return List.of("2026-11-23T09:00:00Z", "+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "1970-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "yesterday", "").get(r.nextInt(7));
    }

    /** Control characters (JSON-escaped), quotes, backslashes, surrogates and markup. */
    private static String hostileText(Random r) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0 -> s.append(String.format("\\u%04x", r.nextInt(32)));
                case 1 -> s.append("\\\"");
                case 2 -> s.append("\\\\");
                case 3 -> s.append("\\ud83d\\ude00");
                case 4 -> s.append("<script>");
                default -> s.append((char) ('a' + r.nextInt(26)));
            }
        }
        return s.toString();
    }

    private static String garbage(Random r) {
        return List.of("", " ", "{", "}", "[]", "null", "\"text\"", "{\"cluster\":}", "{\"cluster\":\"test-east\",}",
                "\u0000", "{\"a\":\"\\ud800\"}", "{" + "[".repeat(2000), "tru", "{\"cluster\":\"test-east\"} trailing")
                .get(r.nextInt(14));
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
