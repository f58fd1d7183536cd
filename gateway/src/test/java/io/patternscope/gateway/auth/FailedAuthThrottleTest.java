package io.patternscope.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guessing tokens is throttled per client address; a valid token from the same address still works. */
@QuarkusTest
@TestProfile(FailedAuthThrottleTest.FewFailures.class)
class FailedAuthThrottleTest {

    public static class FewFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("patternscope.auth.failed-rate-limit.per-minute", "6", "patternscope.auth.failed-rate-limit.burst", "5");
        }
    }

    @Test
    void unknownTokensFromOneAddressGet429AfterTheBurst() {
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            int status = given().auth().oauth2("psk_guess-" + i).get("/api/v1/me").then().extract().statusCode();
            unauthorized += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertEquals(5, unauthorized, "the burst of failures is answered 401");
        assertEquals(7, throttled, "the rest 429");
        given().auth().oauth2("psk_one-more").get("/api/v1/me").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", containsString("too many failed authentications"));
        assertTrue(given().auth().oauth2(TestTokens.create("test-east")).get("/api/v1/me").then().extract().statusCode() == 200,
                "a valid token is not held back by the failures");
    }
}
