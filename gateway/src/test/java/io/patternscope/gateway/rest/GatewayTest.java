package io.patternscope.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.patternscope.gateway.auth.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The gateway alone: its OpenAPI, health, and a clear 503 when report-service is down (port 9 answers nothing). */
@QuarkusTest
class GatewayTest {

    @Test
    void servesOneOpenApiDocumentForThePublicEndpoints() {
        given().accept("application/json").get("/openapi").then().statusCode(200)
                .body(containsString("/api/v1/analyses"))
                .body(containsString("/api/v1/analyses/{id}/report"))
                .body(containsString("AnalysisRequestBody"))
                .body(containsString("/api/v1/patterns/classify"))
                .body(containsString("/api/v1/alerts"))
                .body(containsString("/api/v1/analyses/{id}/events"))
                .body(containsString("bearer"));
        given().get("/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthAndMetricsFollowQuarkusConventions() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void anUnreachableServiceIsA503WithAMessage() {
        given().auth().oauth2(TestTokens.create("test-east")).contentType(ContentType.JSON).body("{\"cluster\":\"east\"}")
                .post("/api/v1/analyses")
                .then().statusCode(503).body("status", equalTo(503))
                .body("error", containsString("report-service is unavailable"));
    }

    @Test
    void aBodyThatSaysItIsNotJsonIsA415WithASentence() {
        given().auth().oauth2(TestTokens.create("test-east")).contentType("text/plain").body("{\"cluster\":\"east\"}")
                .post("/api/v1/analyses")
                .then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415))
                .body("error", containsString("must be JSON"));
        given().auth().oauth2(TestTokens.create("test-east")).contentType("application/x-www-form-urlencoded")
                .body("a=b").post("/api/v1/patterns/classify").then().statusCode(415);
    }

    @Test
    void theEventsOfAnAnalysisNobodyCanReachAreNoStream() {
        // report-service is down in this test: the answer is a plain error before any stream opens.
        given().auth().oauth2(TestTokens.create("test-east")).accept("text/event-stream")
                .get("/api/v1/analyses/00000000-0000-0000-0000-000000000000/events")
                .then().statusCode(503).body(containsString("report-service is unavailable"));
    }

    @Test
    void everyApiErrorIsJsonWithASentence() {
        String token = TestTokens.create("test-east");
        given().auth().oauth2(token).get("/api/v1/no-such-thing").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", containsString("no such"));
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/v1/analyses/%2e%2e").then().statusCode(404)
                .contentType(ContentType.JSON).body("error", containsString("no such"));
        given().auth().oauth2(token).delete("/api/v1/me").then().statusCode(405).contentType(ContentType.JSON)
                .body("error", containsString("not allowed"));
    }

    @Test
    void oversizedRequestsAreRefusedWithJsonSentencesToo() {
        String token = TestTokens.create("test-east");
        given().auth().oauth2(token).get("/api/v1/analyses?alert=" + "a".repeat(RequestLimits.MAX_REQUEST_LINE))
                .then().statusCode(414).contentType(ContentType.JSON).body("error", containsString("request line"));
        given().auth().oauth2(token).header("X-Padding", "p".repeat(RequestLimits.MAX_HEADERS)).get("/api/v1/me")
                .then().statusCode(431).contentType(ContentType.JSON).body("error", containsString("headers"));
        byte[] big = new byte[(int) RequestLimits.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        given().auth().oauth2(token).contentType(ContentType.JSON).body(big).post("/api/v1/patterns/classify")
                .then().statusCode(413).contentType(ContentType.JSON).body("error", containsString("larger than"));
    }

    @Test
    void everyAnswerCarriesTheBrowserDefencesAndTheApiIsNeverCached() {
        given().get("/").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer").header("Permissions-Policy", containsString("camera=()"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-cache");
        given().auth().oauth2(TestTokens.create("test-east")).get("/api/v1/me").then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/me").then().statusCode(401).header("Cache-Control", "no-store");
    }
}
