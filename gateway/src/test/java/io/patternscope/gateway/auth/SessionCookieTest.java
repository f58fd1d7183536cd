package io.patternscope.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The UI's session cookie: set only for a valid token, HttpOnly and SameSite=Strict, guarded on writes, cleared on logout. */
@QuarkusTest
class SessionCookieTest {

    @Test
    void aValidTokenBecomesAnHttpOnlyStrictSessionCookieThatAuthenticates() {
        String token = TestTokens.create("test-east");
        given().auth().oauth2(token).contentType("application/json").post("/api/v1/session").then().statusCode(204)
                .header("Set-Cookie", allOf(containsString(SessionResource.COOKIE + "=" + token), containsString("HttpOnly"),
                        containsString("SameSite=Strict"), containsString("Path=/api/"), not(containsString("Max-Age"))));
        given().cookie(SessionResource.COOKIE, token).get("/api/v1/me").then().statusCode(200)
                .body("clusters[0]", equalTo("test-east"));
    }

    @Test
    void behindHttpsTheCookieIsSecure() {
        given().auth().oauth2(TestTokens.create("test-east")).header("X-Forwarded-Proto", "https").contentType("application/json")
                .post("/api/v1/session").then().statusCode(204).header("Set-Cookie", containsString("; Secure"));
    }

    @Test
    void anUnknownTokenGetsNoCookie() {
        given().auth().oauth2("psk_unknown").contentType("application/json").post("/api/v1/session").then().statusCode(401)
                .header("Set-Cookie", nullValue());
        given().cookie(SessionResource.COOKIE, "psk_unknown").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aWriteWithTheCookieNeedsTheClientHeader() {
        String token = TestTokens.create("test-east");
        String body = "{\"cluster\":\"test-east\",\"window\":{\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T09:00:00Z\"}}";
        given().cookie(SessionResource.COOKIE, token).contentType("application/json").body(body)
                .post("/api/v1/analyses").then().statusCode(403).body("error", containsString(SessionResource.CLIENT_HEADER));
        // With the header the request passes authentication (report-service is not running in this test: 503).
        given().cookie(SessionResource.COOKIE, token).header(SessionResource.CLIENT_HEADER, "ui").contentType("application/json")
                .body(body).post("/api/v1/analyses").then().statusCode(503);
    }

    @Test
    void logOutClearsTheCookieEvenWithoutASession() {
        given().delete("/api/v1/session").then().statusCode(204)
                .header("Set-Cookie", allOf(containsString(SessionResource.COOKIE + "=;"), containsString("Max-Age=0")));
    }
}
