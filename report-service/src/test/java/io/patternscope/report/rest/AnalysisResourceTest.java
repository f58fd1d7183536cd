package io.patternscope.report.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(CallsFromTheGateway.class)
class AnalysisResourceTest {

    private static int storedAnalyses() {
        return given().queryParam("cluster", "test-east").queryParam("size", 500).get("/api/v1/analyses")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    /** Bodies are written with ` for " to stay readable. */
    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{`cluster`:", "malformed JSON"),
                Arguments.of("not an object", "[1,2]", "must be a JSON object"),
                Arguments.of("no cluster", "{`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T09:00:00Z`}}", "'cluster' is required"),
                Arguments.of("unknown cluster", "{`cluster`:`mars`,`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T09:00:00Z`}}", "unknown cluster 'mars'"),
                Arguments.of("no alert nor window", "{`cluster`:`test-east`}", "either 'alert' or 'window'"),
                Arguments.of("end before start", "{`cluster`:`test-east`,`window`:{`start`:`2026-11-23T09:00:00Z`,`end`:`2026-11-23T08:00:00Z`}}", "is not after its start"),
                Arguments.of("window too long", "{`cluster`:`test-east`,`window`:{`start`:`2026-11-20T09:00:00Z`,`end`:`2026-11-23T08:00:00Z`}}", "longer than the maximum"),
                Arguments.of("bad time", "{`cluster`:`test-east`,`window`:{`start`:`yesterday`,`end`:`2026-11-23T08:00:00Z`}}", "is not a time"),
                Arguments.of("too many points", "{`cluster`:`test-east`,`step`:`PT1S`,`window`:{`start`:`2026-11-23T00:00:00Z`,`end`:`2026-11-23T08:00:00Z`}}", "points per series"),
                Arguments.of("unknown reference", "{`cluster`:`test-east`,`reference`:`MONTHLY`,`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T09:00:00Z`}}", "'reference' must be PRECEDING, DAILY, WEEKLY or AUTO"),
                Arguments.of("discord threshold of 0", "{`cluster`:`test-east`,`discordThreshold`:0,`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T09:00:00Z`}}", "'discordThreshold' must be a discord score"),
                Arguments.of("discord threshold beyond √2", "{`cluster`:`test-east`,`discordThreshold`:1.5,`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T09:00:00Z`}}", "at most √2"),
                Arguments.of("discord threshold as text", "{`cluster`:`test-east`,`discordThreshold`:`high`,`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T09:00:00Z`}}", "'discordThreshold' must be a number"),
                Arguments.of("bad fdr level", "{`cluster`:`test-east`,`fdrLevel`:2,`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T09:00:00Z`}}", "'fdrLevel'"),
                Arguments.of("bad selector", "{`cluster`:`test-east`,`selectors`:[`up{a=\\`b\\``],`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T09:00:00Z`}}", "not a series selector"),
                Arguments.of("negative margin", "{`cluster`:`test-east`,`testMargin`:`-PT5M`,`alert`:{`name`:`X`,`activeAt`:`2026-11-23T09:00:00Z`}}", "'testMargin'"),
                Arguments.of("alert without time", "{`cluster`:`test-east`,`alert`:{`name`:`HighLatency`}}", "'alert.activeAt' is required"),
                Arguments.of("a window in year 999999999", "{`cluster`:`test-east`,`window`:{`start`:`+999999999-01-01T00:00:00Z`,`end`:`+999999999-01-01T03:00:00Z`}}", "must lie between"),
                Arguments.of("epoch seconds beyond 2200", "{`cluster`:`test-east`,`window`:{`start`:1e15,`end`:1e15}}", "must lie between"),
                Arguments.of("a NUL in the alert name", "{`cluster`:`test-east`,`alert`:{`name`:`a\\u0000b`,`activeAt`:`2026-11-23T09:00:00Z`}}", "control character"),
                Arguments.of("a 1 MB alert name", "{`cluster`:`test-east`,`alert`:{`name`:`" + "x".repeat(1_000_000) + "`,`activeAt`:`2026-11-23T09:00:00Z`}}", "the limit is 256"),
                Arguments.of("a label value over the limit", "{`cluster`:`test-east`,`alert`:{`name`:`A`,`labels`:{`pod`:`" + "p".repeat(2000) + "`},`activeAt`:`2026-11-23T09:00:00Z`}}", "the limit is 1024"),
                Arguments.of("10,000 selectors", "{`cluster`:`test-east`,`selectors`:[" + "`up`,".repeat(9_999) + "`up`]," + "`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T11:00:00Z`}" + "}", "the limit is 100"),
                Arguments.of("a regex RE2 refuses", "{`cluster`:`test-east`,`selectors`:[`up{job=~\\`(\\`}`]," + "`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T11:00:00Z`}" + "}", "invalid regular expression"),
                Arguments.of("a lookahead", "{`cluster`:`test-east`,`selectors`:[`up{job=~\\`(?!x).*\\`}`]," + "`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T11:00:00Z`}" + "}", "RE2 does not accept"),
                Arguments.of("a 1-second window", "{`cluster`:`test-east`,`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T08:00:01Z`}}", "screening needs at least 30"),
                Arguments.of("a step of a day on 3 hours", "{`cluster`:`test-east`,`step`:`P1D`," + "`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T11:00:00Z`}" + "}", "screening needs at least 30"),
                Arguments.of("a step beyond a year", "{`cluster`:`test-east`,`step`:`P9999D`," + "`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T11:00:00Z`}" + "}", "must be between PT0S"),
                Arguments.of("a test window of 2 steps", "{`cluster`:`test-east`,`step`:`PT5M`,`testWindow`:`PT10M`," + "`window`:{`start`:`2026-11-23T08:00:00Z`,`end`:`2026-11-23T11:00:00Z`}" + "}", "screening needs at least 10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsGetA400WithASentenceAndStoreNothing(String name, String body, String message) {
        int before = storedAnalyses();
        given().contentType(ContentType.JSON).body(body.replace('`', '"')).post("/api/v1/analyses")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo(400)).body("error", containsString(message));
        assertEquals(before, storedAnalyses(), "a refused request must store nothing");
    }

    @Test
    void controlCharactersAndNonNumbersInQueryParametersAre400s() {
        String nul = String.valueOf((char) 0); // sent as %00
        given().queryParam("alert", nul).get("/api/v1/analyses").then().statusCode(400)
                .body("error", containsString("control character"));
        given().queryParam("cluster", "east" + nul).get("/api/v1/analyses").then().statusCode(400)
                .body("error", containsString("control character"));
        given().get("/api/v1/analyses?size=abc").then().statusCode(400).body("error", containsString("'size' must be a whole number"));
    }

    @jakarta.inject.Inject
    io.patternscope.report.repository.AnalysisRepository analyses;
    @jakarta.inject.Inject
    io.patternscope.report.service.Transactions tx;

    @Test
    void aDiscordThresholdAndAReferenceAreStoredWithTheAnalysisAndNoneByDefault() {
        String with = given().contentType(ContentType.JSON)
                .body("{\"cluster\":\"test-east\",\"discordThreshold\":0.7,\"reference\":\"AUTO\",\"window\":"
                        + "{\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T09:00:00Z\"}}")
                .post("/api/v1/analyses").then().statusCode(202).extract().path("id");
        String without = given().contentType(ContentType.JSON)
                .body("{\"cluster\":\"test-east\",\"window\":{\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T09:00:00Z\"}}")
                .post("/api/v1/analyses").then().statusCode(202).extract().path("id");
        io.patternscope.report.repository.AnalysisEntity stored = tx.readOnly(() -> analyses.findById(java.util.UUID.fromString(with)));
        assertEquals(0.7, stored.discordThreshold);
        assertEquals("AUTO", stored.reference);
        io.patternscope.report.repository.AnalysisEntity plain = tx.readOnly(() -> analyses.findById(java.util.UUID.fromString(without)));
        assertEquals(null, plain.discordThreshold);
        assertEquals(null, plain.reference, "PRECEDING");
        given().delete("/api/v1/analyses/" + with).then().statusCode(204);
        given().delete("/api/v1/analyses/" + without).then().statusCode(204);
    }

    @Test
    void anAcceptedAnalysisIsStoredPendingAndCanBeReadAndDeleted() {
        String location = given().contentType(ContentType.JSON)
                .body("{\"cluster\":\"test-east\",\"alert\":{\"name\":\"HighLatency\",\"labels\":{\"service\":\"frontend\"},"
                        + "\"activeAt\":\"2026-11-23T09:00:00Z\"}}")
                .post("/api/v1/analyses")
                .then().statusCode(202).header("Location", containsString("/api/v1/analyses/"))
                .body("status", equalTo("PENDING"))
                .body("window.start", equalTo("2026-11-23T06:00:00Z"))
                .body("window.testStart", equalTo("2026-11-23T08:00:00Z"))
                .body("window.end", equalTo("2026-11-23T09:00:00Z"))
                .body("window.stepSeconds", equalTo(15))
                .body("alert.labels.service", equalTo("frontend"))
                .extract().header("Location");
        String path = location.substring(location.indexOf("/api/v1/analyses/"));
        given().get(path).then().statusCode(200).body("cluster", equalTo("test-east"))
                .body("progress.discovered", equalTo(0)).body("reportUrl", endsWith("/report"));
        given().get(path + "/report").then().statusCode(409).body("error", containsString("PENDING"));
        given().delete(path).then().statusCode(204);
        given().get(path).then().statusCode(404).body("error", containsString("no analysis"));
    }

    @Test
    void aMarginExtendsTheTestWindowPastTheAlert() {
        given().contentType(ContentType.JSON)
                .body("{\"cluster\":\"test-east\",\"testMargin\":\"PT5M\",\"alert\":{\"name\":\"X\",\"activeAt\":1795424400}}")
                .post("/api/v1/analyses")
                .then().statusCode(202)
                .body("window.start", equalTo("2026-11-23T06:00:00Z"))
                .body("window.end", equalTo("2026-11-23T09:05:00Z"))
                .body("window.testStart", equalTo("2026-11-23T08:05:00Z"));
    }

    @Test
    void seriesOfAnAnalysisAreListedAndBadFiltersRefused() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"cluster\":\"test-east\",\"window\":{\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T09:00:00Z\"}}")
                .post("/api/v1/analyses").then().statusCode(202).extract().path("id");
        given().get("/api/v1/analyses/" + id + "/series?size=abc").then().statusCode(400)
                .body("error", containsString("'size' must be a whole number"));
        given().get("/api/v1/analyses/" + id + "/series?changed=maybe").then().statusCode(400);
                given().get("/api/v1/analyses/" + id + "/series").then().statusCode(200).body("series.size()", equalTo(0))
                .body("total", equalTo(0)).body("page", equalTo(0)).body("size", equalTo(100));
        given().get("/api/v1/analyses/" + id + "/series?status=WOBBLY").then().statusCode(400)
                .body("error", containsString("UNCONVERTED_COUNTER"));
    }

    @Test
    void unknownIdsAre404() {
        given().get("/api/v1/analyses/not-a-uuid").then().statusCode(404);
        given().get("/api/v1/analyses/00000000-0000-0000-0000-000000000000/report").then().statusCode(404);
        given().delete("/api/v1/analyses/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void aCallerScopedToOtherClustersSeesNothingOfThisOne() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"cluster\":\"test-east\",\"window\":{\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T09:00:00Z\"}}")
                .post("/api/v1/analyses").then().statusCode(202).extract().path("id");
        String path = "/api/v1/analyses/" + id;
        String other = io.patternscope.core.api.ClusterScope.HEADER;
        for (String p : new String[] {path, path + "/report", path + "/report.md", path + "/series"}) {
            given().header(other, "test-west").get(p).then().statusCode(404).body("error", containsString("no analysis"));
        }
        given().header(other, "test-west").queryParam("size", 500).get("/api/v1/analyses").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        given().header(other, "!none").queryParam("size", 500).get("/api/v1/analyses").then().statusCode(200).body("size()", equalTo(0));
        given().header(other, "test-west").contentType(ContentType.JSON)
                .body("{\"cluster\":\"test-east\",\"window\":{\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T09:00:00Z\"}}")
                .post("/api/v1/analyses").then().statusCode(400).body("error", equalTo("unknown cluster 'test-east'"));
        given().header(other, "test-west").delete(path).then().statusCode(404);
        given().header(other, "test-west,test-east").get(path).then().statusCode(200).body("cluster", equalTo("test-east"));
        given().header(other, "test-east").queryParam("size", 500).get("/api/v1/analyses").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(id));
        given().header(other, "test-east").delete(path).then().statusCode(204);
    }

    @Test
    void aTenantsRankingSettingsAreReadAndChangedWithClearErrors() {
        String path = "/api/v1/tenants/ranking-test-tenant/ranking";
        given().contentType(ContentType.JSON).body("{\"stillAbnormal\":0.8,\"recovered\":0.2,\"hiddenPatterns\":[]}").put(path)
                .then().statusCode(200);
        given().get(path).then().statusCode(200).body("stillAbnormal", equalTo(0.8f)).body("hiddenPatterns.size()", equalTo(0));
        given().contentType(ContentType.JSON).body("{\"hiddenPatterns\":[\"FLUCTUATIONS\"],\"patternWeights\":{\"SINGLE_SPIKE\":0.5}}")
                .put(path).then().statusCode(200).body("recovered", equalTo(0.2f)).body("hiddenPatterns[0]", equalTo("FLUCTUATIONS"));
        given().get(path).then().statusCode(200).body("patternWeights.SINGLE_SPIKE", equalTo(0.5f));
        given().contentType(ContentType.JSON).body("{\"hiddenPatterns\":[\"WIGGLE\"]}").put(path).then().statusCode(400)
                .body("error", containsString("unknown pattern 'WIGGLE'"));
        given().contentType(ContentType.JSON).body("{\"stillAbnormal\":\"high\"}").put(path).then().statusCode(400)
                .body("error", containsString("'stillAbnormal' must be a number"));
        given().contentType(ContentType.JSON).body("[1,2").put(path).then().statusCode(400)
                .body("error", containsString("malformed ranking settings"));
        given().get(path).then().statusCode(200).body("hiddenPatterns[0]", equalTo("FLUCTUATIONS"));
        given().contentType(ContentType.JSON).body("{\"reference\":\"HOURLY\"}").put(path).then().statusCode(400)
                .body("error", containsString("'reference' must be PRECEDING, DAILY, WEEKLY or AUTO"));
        given().contentType(ContentType.JSON).body("{\"reference\":7}").put(path).then().statusCode(400)
                .body("error", containsString("'reference' must be"));
    }

    @Test
    void anAnalysisThatNamesNoReferenceTakesItsTenantsDefault() {
        String settings = "/api/v1/tenants/test-east/ranking";
        String window = "\"window\":{\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T09:00:00Z\"}";
        try {
            given().contentType(ContentType.JSON).body("{\"reference\":\"AUTO\"}").put(settings).then().statusCode(200)
                    .body("reference", equalTo("AUTO"));
            String byDefault = given().contentType(ContentType.JSON).body("{\"cluster\":\"test-east\"," + window + "}")
                    .post("/api/v1/analyses").then().statusCode(202).extract().path("id");
            String named = given().contentType(ContentType.JSON)
                    .body("{\"cluster\":\"test-east\",\"reference\":\"PRECEDING\"," + window + "}")
                    .post("/api/v1/analyses").then().statusCode(202).extract().path("id");
            assertEquals("AUTO", tx.readOnly(() -> analyses.findById(java.util.UUID.fromString(byDefault))).reference);
            assertEquals("PRECEDING", tx.readOnly(() -> analyses.findById(java.util.UUID.fromString(named))).reference,
                    "the request's own word wins");
            given().delete("/api/v1/analyses/" + byDefault).then().statusCode(204);
            given().delete("/api/v1/analyses/" + named).then().statusCode(204);
        } finally {
            given().contentType(ContentType.JSON).body("{}").put(settings).then().statusCode(200);
        }
    }
}
