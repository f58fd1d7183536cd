package io.patternscope.classifier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.patternscope.core.internalapi.ServiceCredential;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model from models/pattern-cnn behind the endpoint. */
@QuarkusTest
class ClassifyResourceTest {

    /** Calls come from the gateway, which shows the service credential (the test profile's). */
    @BeforeAll
    static void showServiceCredential() {
        RestAssured.filters((request, response, context) -> {
            request.header(ServiceCredential.HEADER, "test-service-credential");
            return context.next(request, response);
        });
    }

    @AfterAll
    static void forgetServiceCredential() {
        RestAssured.replaceFiltersWith(java.util.List.of());
    }

    private static String step(int length, int at, double low, double high) {
        StringBuilder v = new StringBuilder("[");
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < length; i++) {
            v.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", (i >= at ? high : low) + 0.3 * r.nextGaussian()));
        }
        return v.append("]").toString();
    }

    @Test
    void aClearStepUpIsALevelShiftUp() {
        given().contentType(ContentType.JSON)
                .body("{\"series\":[{\"id\":\"a\",\"values\":" + step(300, 200, 10, 30) + "}]}")
                .post("/api/v1/patterns/classify")
                .then().statusCode(200)
                .body("model", startsWith("pattern-cnn"))
                .body("results[0].id", equalTo("a"))
                .body("results[0].pattern", equalTo("LEVEL_SHIFT_UP"))
                .body("results[0].type", equalTo(1))
                .body("results[0].probabilities.size()", equalTo(14))
                .body("results[0].confidence", greaterThan(0.5f))
                .body("results[0].uncertain", equalTo(false));
    }

    @Test
    void badInputGetsA400NamingTheProblem() {
        given().contentType(ContentType.JSON).body("{\"series\":[]}").post("/api/v1/patterns/classify")
                .then().statusCode(400).body("error", containsString("non-empty"));
        given().contentType(ContentType.JSON).body("{\"series\":[{\"id\":\"x\",\"values\":[1,\"two\",3]}]}")
                .post("/api/v1/patterns/classify").then().statusCode(400).body("error", containsString("not a number"));
        given().contentType(ContentType.JSON).body("{\"series\":[{\"id\":\"h\",\"values\":[1,1e999,3]}]}")
                .post("/api/v1/patterns/classify").then().statusCode(400).body("error", containsString("beyond the range"));
        given().contentType(ContentType.JSON).body("{\"series\":[{\"id\":\"g\",\"values\":[null,\"NaN\",null]}]}")
                .post("/api/v1/patterns/classify").then().statusCode(400).body("error", containsString("all NaN"));
        given().contentType(ContentType.JSON).body("{\"series\":[{\"id\":\"l\",\"values\":" + step(20_001, 5, 1, 2) + "}]}")
                .post("/api/v1/patterns/classify").then().statusCode(400).body("error", containsString("too long"));
        given().contentType(ContentType.JSON).body("{\"series\":").post("/api/v1/patterns/classify")
                .then().statusCode(400).body("error", containsString("malformed JSON"));
    }
}
