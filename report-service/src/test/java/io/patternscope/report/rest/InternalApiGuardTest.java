package io.patternscope.report.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.patternscope.core.internalapi.ServiceCredential;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** report-service lists every tenant's analyses: only a caller with the service credential gets an answer. */
@QuarkusTest
class InternalApiGuardTest {

    @Test
    void withoutTheCredentialTheApiIs401WithASentence() {
        given().when().get("/api/v1/analyses")
                .then().statusCode(401).contentType("application/json")
                .body("error", containsString("through the gateway"));
    }

    @Test
    void aWrongOrAlmostRightCredentialIs401() {
        for (String guess : new String[] {"", "wrong", "test-service-credentia", "test-service-credential2"}) {
            given().header(ServiceCredential.HEADER, guess).when().get("/api/v1/analyses")
                    .then().statusCode(401);
        }
    }

    @Test
    void theRightCredentialIsAnswered() {
        given().header(ServiceCredential.HEADER, "test-service-credential").when().get("/api/v1/analyses")
                .then().statusCode(200);
    }

    @Test
    void healthStaysOpenForTheProbes() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
