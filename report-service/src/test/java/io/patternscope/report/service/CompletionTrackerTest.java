package io.patternscope.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.api.ClusterScope;
import io.patternscope.core.api.ApiViews;
import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchPlanned;
import io.patternscope.core.wire.FetchShard;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.Detector;
import io.patternscope.core.wire.ScreeningStatus;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.core.wire.StageProgress;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events arrive out of order and twice; the analysis must end once, with every batch counted once. */
@QuarkusTest
class CompletionTrackerTest {

    @Inject
    AnalysisService analyses;
    @Inject
    CompletionTracker tracker;
    @Inject
    AnalysisSweeper sweeper;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;
    @Inject
    io.patternscope.report.repository.AnalysisRepository repository;
    @Inject
    Transactions tx;

    private String newAnalysis() {
        Instant end = Instant.parse("2026-11-23T09:00:00Z");
        return analyses.create(new NewAnalysis("test-east", null, Map.of(), null, end.minusSeconds(10_800),
                end.minusSeconds(3600), end, 15_000, List.of(), List.of(), 0.01, 3.0, 1000, true)).id();
    }

    private static ScreenedSeries series(String pod, double p, double effect, long onsetMs) {
        boolean candidate = p <= 0.01 && Math.abs(effect) >= 3;
        return new ScreenedSeries("mem{pod=\"" + pod + "\"}", Map.of("__name__", "mem", "pod", pod),
                SeriesData.ValueKind.GAUGE, ScreeningStatus.TESTED, candidate, 0.9, p, effect, effect > 0 ? 1 : -1, onsetMs,
                0, 15_000, candidate ? new double[] {1, 2, Double.NaN, 4} : null, candidate ? "UNCLASSIFIED" : null,
                Double.NaN, false, p, candidate ? List.of(Detector.KS) : List.of(), 0, 0, null);
    }

    @Test
    void endsExactlyOnceWhenTheLastBatchArrivesWhateverTheOrder() throws Exception {
        String id = newAnalysis();
        ScreenedBatch batch0 = new ScreenedBatch(id, 0, "none", List.of(series("a", 1e-20, 50, 2_000), series("b", 0.5, 0.1, -1)));
        ScreenedBatch batch1 = new ScreenedBatch(id, 1, "none", List.of(series("c", 1e-30, 80, 3_000),
                new ScreenedSeries("gaps{}", Map.of("__name__", "gaps"), SeriesData.ValueKind.GAUGE,
                        ScreeningStatus.INSUFFICIENT_DATA, false, Double.NaN, Double.NaN, Double.NaN, 0, -1, 0, 15_000,
                        null, null, Double.NaN, false, Double.NaN, List.of(), 0, 0, null)));
        tracker.onProgress(new StageProgress(id, StageProgress.Stage.DISCOVERED, -1, 4));
        tracker.onClassified(batch1);
        tracker.onClassified(batch1); // redelivery
        assertEquals("RUNNING", analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED).status());
        tracker.onFetchCompleted(new FetchCompleted(id, 0, 4, 2, "remote_read_chunks", List.of(), null));
        assertEquals("RUNNING", analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED).status(), "the plan is not known yet");
        tracker.onFetchPlanned(new FetchPlanned(id, 4, 1, List.of(), null));
        assertEquals("RUNNING", analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED).status(), "batch 0 is still missing");
        tracker.onClassified(batch0);
        tracker.onClassified(batch0);

        ApiViews.AnalysisView view = analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED);
        assertEquals("COMPLETED", view.status());
        assertEquals(4, view.progress().classified(), "each batch counted once");
        JsonNode report = new ObjectMapper().readTree(analyses.report(UUID.fromString(id), ClusterScope.UNRESTRICTED));
        assertEquals(4, report.path("summary").path("seriesScreened").asInt());
        assertEquals(3, report.path("summary").path("tested").asInt());
        assertEquals(1, report.path("summary").path("insufficientData").asInt());
        assertEquals(2, report.path("summary").path("changed").asInt());
        // Equal floored scores: the earlier onset ranks first.
        assertEquals("mem{pod=\"a\"}", report.path("findings").get(0).path("series").asText());
        assertEquals("UNCLASSIFIED", report.path("findings").get(0).path("pattern").asText());
        assertTrue(report.path("findings").get(0).path("qValue").asDouble() <= 0.01);
        assertTrue(report.path("summary").path("notes").get(0).asText().contains("No pattern model ran"));
    }

    @Test
    void twoShardsEndTogetherAndABatchCountsOnlyInItsOwnShard() {
        String id = newAnalysis();
        int second = FetchShard.SHARD_BATCH_SPAN;
        tracker.onFetchPlanned(new FetchPlanned(id, 3, 2, List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(id, 0, 1, 1, "remote_read_chunks", List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(id, 1, 2, 2, "remote_read_chunks", List.of(), null));
        tracker.onClassified(new ScreenedBatch(id, 0, "none", List.of(series("a", 1e-20, 50, 2_000))));
        tracker.onClassified(new ScreenedBatch(id, second, "none", List.of(series("b", 1e-20, 50, 2_000))));
        // A stray batch number beyond shard 0's single batch must not stand in for shard 1's second one.
        tracker.onClassified(new ScreenedBatch(id, 1, "none", List.of(series("stray", 0.5, 0.1, -1))));
        assertEquals("RUNNING", analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED).status());
        tracker.onClassified(new ScreenedBatch(id, second + 1, "none", List.of(series("c", 1e-20, 50, 2_000))));
        ApiViews.AnalysisView view = analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED);
        assertEquals("COMPLETED", view.status());
        assertEquals(3, view.progress().totalBatches());
    }

    @Test
    void aLostBatchEndsTheAnalysisPartialWithTheReason() {
        String id = newAnalysis();
        tracker.onFetchPlanned(new FetchPlanned(id, 3, 1, List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(id, 0, 3, 2, "query_range", List.of(), null));
        tracker.onClassified(new ScreenedBatch(id, 0, "none", List.of(series("a", 1e-20, 50, 2_000))));
        tracker.onBatchFailed(new BatchFailed(id, "detector", 1, "detector gave up on batch 1: boom"));
        ApiViews.AnalysisView view = analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED);
        assertEquals("PARTIAL", view.status());
        assertTrue(view.statusReason().contains("detector gave up on batch 1"));
    }

    @Test
    void anUnreachableClusterFailsTheAnalysisWithTheReason() {
        String id = newAnalysis();
        tracker.onFetchPlanned(new FetchPlanned(id, 0, 0, List.of(), "series discovery failed: cluster test-east unreachable"));
        ApiViews.AnalysisView view = analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED);
        assertEquals("FAILED", view.status());
        assertTrue(view.statusReason().contains("unreachable"));
        assertTrue(analyses.report(UUID.fromString(id), ClusterScope.UNRESTRICTED).contains("unreachable"));
    }

    @Test
    void anAnalysisWithoutProgressIsEndedFailedBySweeperAndLateEventsChangeNothing() {
        String stalled = newAnalysis();
        String moving = newAnalysis();
        tracker.onFetchPlanned(new FetchPlanned(moving, 3, 1, List.of(), null));
        // Every analysis created before this instant without progress since counts as stalled.
        int ended = sweeper.sweep(Instant.now().plusSeconds(1));
        assertTrue(ended >= 2, "both had no progress since the cutoff: " + ended);
        ApiViews.AnalysisView view = analyses.view(UUID.fromString(stalled), ClusterScope.UNRESTRICTED);
        assertEquals("FAILED", view.status());
        assertTrue(view.statusReason().startsWith("no progress for "), view.statusReason());
        assertTrue(analyses.report(UUID.fromString(stalled), ClusterScope.UNRESTRICTED).contains("no progress"));
        tracker.onFetchPlanned(new FetchPlanned(stalled, 3, 1, List.of(), null));
        assertEquals("FAILED", analyses.view(UUID.fromString(stalled), ClusterScope.UNRESTRICTED).status());
        sweeper.sweep(Instant.now().minusSeconds(3600));
        assertEquals(0, sweeper.sweep(Instant.now().minusSeconds(3600)), "a second sweep finds nothing left");
    }

    @Test
    void endedAnalysesPastTheRetentionAreDeletedWithTheirResultsWhileRunningOnesStay() {
        String ended = newAnalysis();
        tracker.onFetchPlanned(new FetchPlanned(ended, 1, 1, List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(ended, 0, 1, 1, "query_range", List.of(), null));
        tracker.onClassified(new ScreenedBatch(ended, 0, "none", List.of(series("a", 1e-20, 50, 2_000))));
        assertEquals("COMPLETED", analyses.view(UUID.fromString(ended), ClusterScope.UNRESTRICTED).status());
        String running = newAnalysis();
        tracker.onFetchPlanned(new FetchPlanned(running, 3, 1, List.of(), null));
        assertEquals(1, seriesRows(ended));

        assertEquals(0, sweeper.deleteExpired(Instant.parse("2000-01-01T00:00:00Z")), "nothing is that old");
        Instant cutoff = Instant.now().plusSeconds(1);
        int deleted = 0;
        for (int sweep = sweeper.deleteExpired(cutoff); sweep > 0; sweep = sweeper.deleteExpired(cutoff)) {
            assertTrue(sweep <= AnalysisSweeper.DELETE_PER_SWEEP, "a bounded number per sweep: " + sweep);
            deleted += sweep;
        }
        assertTrue(deleted >= 1);
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> analyses.view(UUID.fromString(ended), ClusterScope.UNRESTRICTED));
        assertEquals(0, seriesRows(ended), "its series results went with it");
        assertEquals("RUNNING", analyses.view(UUID.fromString(running), ClusterScope.UNRESTRICTED).status());
    }

    private long seriesRows(String analysisId) {
        return pool.preparedQuery("SELECT count(*) FROM series_result WHERE analysis_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(UUID.fromString(analysisId))).await().indefinitely()
                .iterator().next().getLong(0);
    }

    @Test
    void theListShowsEachAnalysisWithItsProgress() {
        String id = newAnalysis();
        tracker.onProgress(new StageProgress(id, StageProgress.Stage.DISCOVERED, -1, 4));
        tracker.onProgress(new StageProgress(id, StageProgress.Stage.FETCHED, 0, 3));
        ApiViews.AnalysisView listed = analyses.search(ClusterScope.UNRESTRICTED, "test-east", null, null, null, 0, 500).stream()
                .filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        assertEquals(4, listed.progress().discovered());
        assertEquals(3, listed.progress().fetched());
    }

    @Test
    void anEndedAnalysisShowsItsFinalCountsEvenWhenProgressEventsWereLost() {
        String id = newAnalysis();
        tracker.onFetchPlanned(new FetchPlanned(id, 2, 1, List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(id, 0, 2, 1, "query_range", List.of(), null));
        // The detector died after publishing its batch and before its SCREENED progress event.
        tracker.onClassified(new ScreenedBatch(id, 0, "none", List.of(series("a", 1e-20, 50, 2_000), series("b", 0.5, 0.1, -1))));
        ApiViews.AnalysisView view = analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED);
        assertEquals("COMPLETED", view.status());
        assertEquals(2, view.progress().screened());
        assertEquals(2, view.progress().fetched());
    }

    @Test
    void batchesCountedSideBySideEndTheAnalysisOnceWithEveryBatch() throws Exception {
        String id = newAnalysis();
        int batches = 40;
        tracker.onFetchPlanned(new FetchPlanned(id, batches, 1, List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(id, 0, batches, batches, "remote_read_chunks", List.of(), null));
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int b = 0; b < batches; b++) {
                ScreenedBatch batch = new ScreenedBatch(id, b, "none", List.of(series("p" + b, 1e-20, 50, 2_000)));
                // every batch twice, as a redelivery racing its first delivery would
                done.add(workers.submit(() -> tracker.onClassified(batch)));
                done.add(workers.submit(() -> tracker.onClassified(batch)));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            workers.shutdown();
        }
        ApiViews.AnalysisView view = analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED);
        assertEquals("COMPLETED", view.status());
        assertEquals(batches, view.progress().classified());
        JsonNode report = new ObjectMapper().readTree(analyses.report(UUID.fromString(id), ClusterScope.UNRESTRICTED));
        assertEquals(batches, report.path("summary").path("seriesScreened").asInt());
        assertEquals(batches, report.path("findings").size());
    }

    @Test
    void aLastBatchCountedBeforeACrashEndsTheAnalysisWhenItIsRedelivered() {
        String id = newAnalysis();
        tracker.onFetchPlanned(new FetchPlanned(id, 1, 1, List.of(), null));
        tracker.onFetchCompleted(new FetchCompleted(id, 0, 1, 1, "remote_read_chunks", List.of(), null));
        ScreenedBatch last = new ScreenedBatch(id, 0, "none", List.of(series("a", 1e-20, 50, 2_000)));
        // The service counted the batch and died before finishing: the count is in, the analysis is not ended.
        assertTrue(tx.onPool(() -> repository.recordClassified(UUID.fromString(id), 0, 1, "none")).orElseThrow().allCounted());
        assertEquals("RUNNING", analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED).status());
        tracker.onClassified(last);
        ApiViews.AnalysisView view = analyses.view(UUID.fromString(id), ClusterScope.UNRESTRICTED);
        assertEquals("COMPLETED", view.status());
        assertEquals(1, view.progress().classified());
    }
}
