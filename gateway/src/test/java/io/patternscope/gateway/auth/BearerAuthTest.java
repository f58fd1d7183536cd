package io.patternscope.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens, tenants and rate limits at the gateway (test profile: 60 a minute, burst 20). */
@QuarkusTest
class BearerAuthTest {

    @Test
    void theApiNeedsAKnownBearerToken() {
        given().get("/api/v1/analyses").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", containsString("bearer token is required"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2("psk_not-a-real-token").get("/api/v1/me").then().statusCode(401)
                .body("error", equalTo("the bearer token is unknown or revoked"));
    }

    @Test
    void aTokenSeesTheClustersOfItsTenantsOnly() {
        given().auth().oauth2(TestTokens.create("test-east")).get("/api/v1/me").then().statusCode(200)
                .body("tenants", equalTo(List.of("test-east"))).body("clusters", equalTo(List.of("test-east")));
        given().auth().oauth2(TestTokens.create("*")).get("/api/v1/me").then().statusCode(200)
                .body("clusters", equalTo(List.of("test-east", "test-west")));
        given().auth().oauth2(TestTokens.create("nobody")).get("/api/v1/me").then().statusCode(200)
                .body("clusters", equalTo(List.of()));
    }

    @Test
    void aRevokedTokenStopsWorking() {
        String token = TestTokens.create("test-east");
        TestTokens.revoke(token); // before first use, so no cached answer hides it
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfter() {
        String token = TestTokens.create("test-east");
        int accepted = 0;
        int limited = 0;
        for (int i = 0; i < 30; i++) {
            int status = given().auth().oauth2(token).get("/api/v1/me").statusCode();
            if (status == 200) {
                accepted++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertTrue(accepted >= 20 && accepted <= 22, "the burst of 20 passes (plus refill): " + accepted);
        assertTrue(limited >= 8, "the rest is limited: " + limited);
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(429).header("Retry-After", "1")
                .body("error", containsString("too many requests"));
        given().auth().oauth2(TestTokens.create("test-east")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void alertsOfAnUnreachableBackendAreReportedPerCluster() {
        given().auth().oauth2(TestTokens.create("test-east")).get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.size()", equalTo(0))
                .body("errors[0].cluster", equalTo("test-east"))
                .body("errors[0].error", containsString("cluster test-east"));
    }

    @Test
    void aTenantsRankingIsOnlyReachableWithItsOwnTokens() {
        String east = TestTokens.create("test-east");
        given().auth().oauth2(east).get("/api/v1/tenants/test-west/ranking").then().statusCode(404)
                .body("error", equalTo("no tenant test-west"));
        given().auth().oauth2(east).contentType("application/json").body("{}").put("/api/v1/tenants/test-west/ranking")
                .then().statusCode(404);
        // Its own tenant goes through to report-service (not running here: 503).
        given().auth().oauth2(east).get("/api/v1/tenants/test-east/ranking").then().statusCode(503);
    }

    @Test
    void aTenantsProfilesAreOnlyReachableWithItsOwnTokens() {
        String east = TestTokens.create("test-east");
        given().auth().oauth2(east).get("/api/v1/tenants/test-west/profiles").then().statusCode(404)
                .body("error", equalTo("no tenant test-west"));
        given().auth().oauth2(east).contentType("application/json").post("/api/v1/tenants/test-west/profiles/1/disable")
                .then().statusCode(404);
        given().auth().oauth2(east).contentType("application/json").body("{}").put("/api/v1/tenants/test-west/profiles/1/layers")
                .then().statusCode(404);
        given().auth().oauth2(east).contentType("application/json").post("/api/v1/tenants/test-east/profiles/1/explode")
                .then().statusCode(404);
        given().auth().oauth2(east).get("/api/v1/tenants/test-east/profiles").then().statusCode(503);
    }

    @Test
    void feedbackNeedsATokenAndGoesToReportService() {
        given().contentType("application/json").body("{}").post("/api/v1/analyses/x/feedback").then().statusCode(401);
        given().auth().oauth2(TestTokens.create("test-east")).contentType("application/json").body("{}")
                .post("/api/v1/analyses/x/feedback").then().statusCode(503);
    }
}
