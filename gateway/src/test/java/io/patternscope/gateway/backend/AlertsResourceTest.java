package io.patternscope.gateway.backend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.patternscope.gateway.auth.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** GET /api/v1/alerts against Prometheus's and Alertmanager's APIs on loopback. */
@QuarkusTest
@QuarkusTestResource(value = FakeAlertsBackend.class, restrictToAnnotatedClass = true)
class AlertsResourceTest {

    @Test
    void firingAlertsOfTheCallersClustersOnly() {
        given().auth().oauth2(TestTokens.create("shared,am")).get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.name", hasItems("DiskFull", "ErrorBudgetBurn"))
                .body("alerts.name", not(hasItem("Pending")))
                .body("alerts.name", not(hasItem("NotYours")))
                .body("alerts.find { it.name == 'ErrorBudgetBurn' }.cluster", equalTo("am"))
                .body("alerts.find { it.name == 'ErrorBudgetBurn' }.source", equalTo("alertmanager"))
                .body("alerts.find { it.name == 'DiskFull' }.value", equalTo("0.97"))
                .body("alerts[0].name", equalTo("ErrorBudgetBurn")) // newest first
                .body("errors.size()", equalTo(0));
    }

    @Test
    void recentlyResolvedAlertsFollowTheFiringOnesWithWhenTheyFiredAndEnded() {
        given().auth().oauth2(TestTokens.create("shared")).get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.name", equalTo(java.util.List.of("DiskFull", "OldOutage")))
                .body("alerts[0].state", equalTo("firing"))
                .body("alerts[1].state", equalTo("resolved"))
                .body("alerts[1].activeAt", equalTo("2026-11-23T09:00:00Z"))
                .body("alerts[1].resolvedAt", equalTo("2026-11-23T09:40:00Z"))
                .body("alerts[1].labels.alertstate", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        given().auth().oauth2(TestTokens.create("test-east")).get("/api/v1/alerts").then().statusCode(200)
                .body("alerts.size()", equalTo(0))
                .body("errors[0].error", containsString("cluster test-east"));
    }
}
