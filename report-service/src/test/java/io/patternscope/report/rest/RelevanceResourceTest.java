package io.patternscope.report.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Labels through the feedback API until the tenant has a model: operators call step changes that
 * began in the test window root causes and old spikes not anomalous; the relevance API then
 * reports the cross-validated figures, and the next report carries each finding's relevance.
 */
@QuarkusTest
@ExtendWith(CallsFromTheGateway.class)
class RelevanceResourceTest {

    @Inject
    AnalysisService analyses;
    @Inject
    CompletionTracker tracker;

    /** Its own cluster (and so tenant): a trained model must not reorder the other tests' reports. */
    private static final String CLUSTER = "test-learn";
    private static final String TENANT_PATH = "/api/v1/tenants/" + CLUSTER + "/relevance";

    private static ScreenedSeries finding(String name, boolean step, int k) {
        long onset = step ? 5_000_000 : 1_000_000; // inside the test window, or long before it
        return new ScreenedSeries(name + "{k=\"" + k + "\"}", Map.of("__name__", name, "k", String.valueOf(k)),
                SeriesData.ValueKind.GAUGE, ScreeningStatus.TESTED, true, step ? 0.9 : 0.4, step ? 1e-12 : 1e-6,
                step ? 20 : 6, 1, onset, 0, 15_000, new double[] {1, 2, 3}, step ? "LEVEL_SHIFT_UP" : "SINGLE_SPIKE", 0.9,
                false, 1e-12, List.of(Detector.KS), 0, 0, null);
    }

    private String endedAnalysis(int steps, int spikes) {
        Instant end = Instant.parse("2026-11-23T02:00:00Z");
        String id = analyses.create(new NewAnalysis(CLUSTER, null, Map.of(), null, end.minusSeconds(7200),
                end.minusSeconds(3600), end, 15_000, List.of(), List.of(), 0.01, 3.0, 1000, true)).id();
        List<ScreenedSeries> series = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            series.add(finding("rel_step", true, k));
        }
        for (int k = 0; k < spikes; k++) {
            series.add(finding("rel_spike", false, k));
        }
        tracker.onFetchPlanned(new FetchPlanned(id, series.size(), 1, List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(id, 0, series.size(), 1, "remote_read_chunks", List.of(), null));
        tracker.onClassified(new ScreenedBatch(id, 0, "pattern-cnn@7", series));
        assertEquals("COMPLETED", analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED).status());
        return id;
    }

    private static void label(String id, String series, String verdict) {
        given().contentType(ContentType.JSON).body("{\"series\":\"" + series.replace("\"", "\\\"") + "\",\"verdict\":\"" + verdict + "\"}")
                .post("/api/v1/analyses/" + id + "/feedback").then().statusCode(200);
    }

    @Test
    void enoughLabelsMakeAModelWhoseFiguresAreReportedAndWhoseScoresReachTheReport() {
        given().contentType(ContentType.JSON).body("{\"minLabels\":5,\"enabled\":true}").put(TENANT_PATH).then().statusCode(200)
                .body("minLabels", equalTo(5));
        for (int a = 0; a < 3; a++) {
            String id = endedAnalysis(4, 4);
            for (int k = 0; k < 4; k++) {
                label(id, "rel_step{k=\"" + k + "\"}", "ROOT_CAUSE");
                label(id, "rel_spike{k=\"" + k + "\"}", "NOT_ANOMALOUS");
            }
        }
        JsonPath figures = given().get(TENANT_PATH).then().statusCode(200).body("trained", equalTo(true)).extract().jsonPath();
        assertTrue(figures.getInt("relevantLabels") >= 12 && figures.getInt("notRelevantLabels") >= 12);
        assertTrue(figures.getDouble("forestAuc") >= 0 && figures.getDouble("forestAuc") <= 1);
        assertNotNull(figures.get("patternMatcherAuc"));
        assertNotNull(figures.get("usedThreshold"));

        String next = endedAnalysis(2, 2);
        JsonPath report = given().get("/api/v1/analyses/" + next + "/report").then().statusCode(200).extract().jsonPath();
        List<Float> relevance = report.getList("findings.relevance", Float.class);
        assertEquals(4, relevance.size());
        assertTrue(relevance.stream().allMatch(r -> r != null && r >= 0 && r <= 1), relevance.toString());
        assertTrue(report.getList("findings.series", String.class).get(0).startsWith("rel_step"),
                "the steps operators call root causes rank first: " + report.getList("findings.series"));
        assertTrue(report.getList("summary.notes", String.class).stream().anyMatch(n -> n.contains("learnt relevance")));
    }

    @Test
    void badSettingsAreA400() {
        given().contentType(ContentType.JSON).body("{\"precision\":2}").put(TENANT_PATH).then().statusCode(400)
                .body("error", containsString("'precision' must be a number from 0 to 1"));
        given().contentType(ContentType.JSON).body("{\"minLabels\":1}").put(TENANT_PATH).then().statusCode(400)
                .body("error", containsString("from 5 to 10000"));
        given().contentType(ContentType.JSON).body("{\"enabled\":\"yes\"}").put(TENANT_PATH).then().statusCode(400);
        given().contentType(ContentType.JSON).body("[").put(TENANT_PATH).then().statusCode(400)
                .body("error", containsString("malformed JSON"));
    }
}
