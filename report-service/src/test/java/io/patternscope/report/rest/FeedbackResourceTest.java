package io.patternscope.report.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.api.AuthorHeader;
import io.patternscope.core.api.ClusterScope;
import io.patternscope.core.wire.Detector;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchPlanned;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.report.service.AnalysisService;
import io.patternscope.report.service.CompletionTracker;
import io.patternscope.report.service.NewAnalysis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feedback through the API on analyses driven to their end: the word is stored with its finding,
 * a "not anomalous" makes a features profile, and the next analysis lists the same behaviour as
 * known normal instead of ranking it.
 */
@QuarkusTest
@ExtendWith(CallsFromTheGateway.class)
class FeedbackResourceTest {

    @Inject
    AnalysisService analyses;
    @Inject
    CompletionTracker tracker;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /** This test's queue service: profiles stay in the database between runs, and must not match another run's series. */
    private final String queueService = "queue-" + UUID.randomUUID().toString().substring(0, 8);

    /** A nightly batch job on a queue: quiet, then a burst of 30 points; noise from {@code seed}. */
    private static double[] nightlyJob(long seed) {
        Random random = new Random(seed);
        double[] x = new double[360];
        for (int t = 0; t < x.length; t++) {
            x[t] = 50 + random.nextGaussian() + (t >= 300 && t < 330 ? 40 : 0);
        }
        return x;
    }

    /** A database going slow and staying slow. */
    private static double[] stepUp(long seed) {
        Random random = new Random(seed);
        double[] x = new double[360];
        for (int t = 0; t < x.length; t++) {
            x[t] = 10 + random.nextGaussian() + (t >= 280 ? 30 : 0);
        }
        return x;
    }

    private static ScreenedSeries changed(String service, String pod, double[] values, String pattern) {
        return new ScreenedSeries("latency{service=\"" + service + "\",pod=\"" + pod + "\"}",
                Map.of("__name__", "latency", "service", service, "pod", pod), SeriesData.ValueKind.GAUGE,
                ScreeningStatus.TESTED, true, 0.9, 1e-20, 30, 1, 4_500_000, 0, 15_000, values, pattern, 0.95, false, 1e-20,
                List.of(Detector.KS), 0, 0, null);
    }

    /** An analysis of test-east ended with the queue's nightly job and the database's step. */
    private String endedAnalysis(long seed) {
        return endedAnalysis(seed, nightlyJob(seed));
    }

    /** As above, the queue doing {@code queueValues}. */
    private String endedAnalysis(long seed, double[] queueValues) {
        Instant end = Instant.parse("2026-11-23T09:00:00Z");
        String id = analyses.create(new NewAnalysis("test-east", null, Map.of(), null, end.minusSeconds(5400),
                end.minusSeconds(900), end, 15_000, List.of(), List.of(), 0.01, 3.0, 1000, true)).id();
        tracker.onFetchPlanned(new FetchPlanned(id, 2, 1, List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(id, 0, 2, 1, "remote_read_chunks", List.of(), null));
        tracker.onClassified(new ScreenedBatch(id, 0, "pattern-cnn@7", List.of(
                changed(queueService, "queue-" + seed, queueValues, "TRANSIENT_LEVEL_SHIFT_UP"),
                changed("db", "db-" + seed, stepUp(seed), "LEVEL_SHIFT_UP"))));
        assertEquals("COMPLETED", analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED).status());
        return id;
    }

    private String queue(long seed) {
        return "latency{service=\"" + queueService + "\",pod=\"queue-" + seed + "\"}";
    }

    private static String say(String body) {
        return body.replace('`', '"');
    }

    @Test
    void notAnomalousMakesAProfileThatTakesTheSameBehaviourOutOfTheNextReport() {
        String first = endedAnalysis(101);
        List<Map<String, Object>> current = given().header(AuthorHeader.HEADER, "ops-alice").contentType(ContentType.JSON)
                .body(say("{`series`:`" + queue(101).replace("\"", "\\\"") + "`,`verdict`:`NOT_ANOMALOUS`,"
                        + "`profile`:`CREATE_AND_LEARN`,`comment`:`the nightly export`}"))
                .post("/api/v1/analyses/" + first + "/feedback").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(1, current.size());
        assertEquals("ops-alice", current.get(0).get("author"));
        assertEquals("NOT_ANOMALOUS", current.get(0).get("verdict"));
        Number profileId = (Number) current.get(0).get("profileId");

        JsonPath profile = given().get("/api/v1/tenants/test-east/profiles/" + profileId).then().statusCode(200)
                .body("identity", equalTo("latency{service=\"" + queueService + "\"}")).body("learn", equalTo(true))
                .body("generation", equalTo(0)).body("enabled", equalTo(true)).body("createdBy", equalTo("ops-alice"))
                .extract().jsonPath();
        assertEquals(360, profile.getList("values").size(), "the window it was made from");

        String second = endedAnalysis(202);
        JsonPath report = given().get("/api/v1/analyses/" + second + "/report").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(queue(202)), report.getList("knownNormal.series"), "tonight's run of the same job is known normal");
        assertEquals(profileId.longValue(), report.getLong("knownNormal[0].profileId"));
        assertEquals(List.of("latency{service=\"db\",pod=\"db-202\"}"), report.getList("findings.series"),
                "the database's step is still ranked, now first");
        assertTrue(report.getList("summary.notes", String.class).stream().anyMatch(n -> n.contains("known-normal")));
        given().get("/api/v1/tenants/test-east/profiles/" + profileId).then().statusCode(200)
                .body("checks", equalTo(1)).body("matches", equalTo(1));
    }

    @Test
    void theLastWordCountsHistoryIsKeptAndUndoTakesItBackWithItsProfile() {
        String id = endedAnalysis(303);
        String series = queue(303).replace("\"", "\\\"");
        given().header(AuthorHeader.HEADER, "ops-bob").contentType(ContentType.JSON)
                .body(say("{`series`:`" + series + "`,`verdict`:`SYMPTOM`}")).post("/api/v1/analyses/" + id + "/feedback")
                .then().statusCode(200).body("size()", equalTo(1));
        Number profile = given().header(AuthorHeader.HEADER, "ops-bob").contentType(ContentType.JSON)
                .body(say("{`series`:`" + series + "`,`verdict`:`NOT_ANOMALOUS`,`profile`:`CREATE`}"))
                .post("/api/v1/analyses/" + id + "/feedback").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].verdict", equalTo("NOT_ANOMALOUS"))
                .extract().path("[0].profileId");
        given().get("/api/v1/analyses/" + id + "/feedback?history=true").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].current", equalTo(false)).body("[1].current", equalTo(true));

        given().queryParam("series", queue(303)).delete("/api/v1/analyses/" + id + "/feedback").then().statusCode(200)
                .body("size()", equalTo(0));
        given().get("/api/v1/tenants/test-east/profiles/" + profile).then().statusCode(200).body("enabled", equalTo(false));
        given().queryParam("series", queue(303)).delete("/api/v1/analyses/" + id + "/feedback").then().statusCode(404);
    }

    @Test
    void aGroupsWordReachesEachMemberAndAWrongPatternNamesTheRightOne() {
        String id = endedAnalysis(404);
        given().contentType(ContentType.JSON).body(say("{`group`:1,`verdict`:`WRONG_PATTERN`,`pattern`:`SINGLE_SPIKE`}"))
                .post("/api/v1/analyses/" + id + "/feedback").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].pattern", equalTo("SINGLE_SPIKE")).body("[0].group", equalTo(1))
                .body("[0].author", equalTo(AuthorHeader.UNKNOWN));
    }

    @Test
    void badFeedbackIsAClearErrorAndChangesNothing() {
        String id = endedAnalysis(505);
        String series = queue(505).replace("\"", "\\\"");
        String path = "/api/v1/analyses/" + id + "/feedback";
        given().contentType(ContentType.JSON).body(say("{`series`:`nope{}`,`verdict`:`ROOT_CAUSE`}")).post(path)
                .then().statusCode(404).body("error", containsString("has no series"));
        given().contentType(ContentType.JSON).body(say("{`series`:`" + series + "`,`verdict`:`WRONG_PATTERN`,`pattern`:`WOBBLE`}"))
                .post(path).then().statusCode(400).body("error", containsString("'pattern' must be one of"));
        given().contentType(ContentType.JSON).body(say("{`series`:`" + series + "`,`verdict`:`MAYBE`}")).post(path)
                .then().statusCode(400).body("error", containsString("'verdict' must be one of"));
        given().contentType(ContentType.JSON).body(say("{`series`:`" + series + "`,`verdict`:`ROOT_CAUSE`,`profile`:`CREATE`}"))
                .post(path).then().statusCode(400).body("error", containsString("only from a NOT_ANOMALOUS"));
        given().contentType(ContentType.JSON).body(say("{`series`:`" + series + "`,`group`:1,`verdict`:`ROOT_CAUSE`}"))
                .post(path).then().statusCode(400).body("error", containsString("not both"));
        given().contentType(ContentType.JSON).body("{\"series\":").post(path).then().statusCode(400)
                .body("error", containsString("malformed JSON"));
        given().contentType(ContentType.JSON).body(say("{`group`:9,`verdict`:`ROOT_CAUSE`}")).post(path)
                .then().statusCode(404).body("error", containsString("no group 9"));
        given().header(ClusterScope.HEADER, "test-west").contentType(ContentType.JSON)
                .body(say("{`series`:`" + series + "`,`verdict`:`ROOT_CAUSE`}")).post(path)
                .then().statusCode(404).body("error", containsString("no analysis"));
        given().header(ClusterScope.HEADER, "test-west").get(path).then().statusCode(404);
        given().get(path).then().statusCode(200).body("size()", equalTo(0));

        Instant end = Instant.parse("2026-11-23T09:00:00Z");
        String running = analyses.create(new NewAnalysis("test-east", null, Map.of(), null, end.minusSeconds(5400),
                end.minusSeconds(900), end, 15_000, List.of(), List.of(), 0.01, 3.0, 1000, true)).id();
        given().contentType(ContentType.JSON).body(say("{`series`:`" + series + "`,`verdict`:`ROOT_CAUSE`}"))
                .post("/api/v1/analyses/" + running + "/feedback").then().statusCode(409)
                .body("error", containsString("feedback is taken once it has ended"));
    }

    @Test
    void profilesAreListedDisabledWithTheirProgenyAndGivenLayers() {
        String id = endedAnalysis(606);
        Number profile = given().contentType(ContentType.JSON)
                .body(say("{`series`:`" + queue(606).replace("\"", "\\\"") + "`,`verdict`:`NOT_ANOMALOUS`,`profile`:`CREATE`}"))
                .post("/api/v1/analyses/" + id + "/feedback").then().statusCode(200).extract().path("[0].profileId");
        String path = "/api/v1/tenants/test-east/profiles/" + profile;
        given().queryParam("metric", queueService).get("/api/v1/tenants/test-east/profiles").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(profile.intValue()));
        given().contentType(ContentType.JSON).body(say("{`maxAtMost`:120,`spikeAtMostPoints`:3}")).put(path + "/layers")
                .then().statusCode(200).body("layers.maxAtMost", equalTo(120.0f)).body("layers.spikeAtMostPoints", equalTo(3))
                .body("layers", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("empty")));
        // What is stored is what a report's known-normal check reads back.
        String stored = pool.preparedQuery("SELECT layers FROM features_profile WHERE id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(profile.longValue())).await().indefinitely().iterator().next().getString(0);
        assertEquals(new io.patternscope.core.features.ProfileLayers(120.0, null, null, null, 3),
                io.patternscope.report.mapping.AnalysisMapper.read(stored,
                        new com.fasterxml.jackson.core.type.TypeReference<io.patternscope.core.features.ProfileLayers>() { }));
        given().contentType(ContentType.JSON).body(say("{`maxAtMost`:1,`minAtLeast`:2}")).put(path + "/layers")
                .then().statusCode(400).body("error", containsString("is above maxAtMost"));
        given().contentType(ContentType.JSON).body(say("{`ceiling`:1}")).put(path + "/layers").then().statusCode(400);
        given().post(path + "/validate").then().statusCode(200).body("validated", equalTo(true));
        given().post(path + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        given().post(path + "/enable").then().statusCode(200).body("enabled", equalTo(true));
        given().get("/api/v1/tenants/another-tenant/profiles/" + profile).then().statusCode(404);
        given().get("/api/v1/tenants/test-east/profiles/abc").then().statusCode(404);
    }

    @Test
    void layersTakeAnotherShapeInsideTheirBoundsOutOfTheNextReport() {
        String first = endedAnalysis(707);
        Number profile = given().contentType(ContentType.JSON)
                .body(say("{`series`:`" + queue(707).replace("\"", "\\\"") + "`,`verdict`:`NOT_ANOMALOUS`,`profile`:`CREATE`}"))
                .post("/api/v1/analyses/" + first + "/feedback").then().statusCode(200).extract().path("[0].profileId");
        given().contentType(ContentType.JSON).body(say("{`maxAtMost`:100,`minAtLeast`:40}"))
                .put("/api/v1/tenants/test-east/profiles/" + profile + "/layers").then().statusCode(200);
        // Tonight the job runs three times as long at half the height and starts earlier: another shape, inside the bounds.
        Random random = new Random(808);
        double[] longerLower = new double[360];
        for (int t = 0; t < longerLower.length; t++) {
            longerLower[t] = 50 + random.nextGaussian() + (t >= 240 && t < 330 ? 20 : 0);
        }
        String second = endedAnalysis(808, longerLower);
        JsonPath report = given().get("/api/v1/analyses/" + second + "/report").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(queue(808)), report.getList("knownNormal.series"));
        assertEquals("layers", report.getString("knownNormal[0].matchedBy"), "the features differ; the bounds decide");
        assertEquals(profile.longValue(), report.getLong("knownNormal[0].profileId"));
    }
}
