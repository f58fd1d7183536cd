package io.patternscope.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.patternscope.core.api.ApiViews;
import io.patternscope.core.ranking.RankingSettings;
import io.patternscope.report.repository.AnalysisEntity;
import io.patternscope.report.repository.SeriesResultEntity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ranking with a tenant's settings: weights change the order, hidden patterns leave the findings. */
class ReportBuilderTest {

    private static final Instant TEST_START = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void defaultsPutTheStillAbnormalChangeFirst() {
        List<String> order = ranks(RankingSettings.defaults("t"));
        assertEquals(List.of("leak{}", "spike{}", "wobble{}"), order);
    }

    @Test
    void aTenantThatWeighsSpikesHighSeesThemFirstAndHiddenPatternsGo() {
        RankingSettings spikesFirst = new RankingSettings("t", 0.8, 0.2, Map.of("SINGLE_SPIKE", 2.0), List.of("FLUCTUATIONS"));
        ApiViews.ReportView report = new ReportBuilder().build(analysis(), results(), Instant.now(), spikesFirst);
        assertEquals(List.of("spike{}", "leak{}"), report.findings().stream().map(ApiViews.FindingView::series).toList());
        assertEquals(1, report.summary().perPattern().get("FLUCTUATIONS"), "a hidden pattern is still counted");
        assertTrue(report.summary().notes().stream().anyMatch(n -> n.contains("hidden: FLUCTUATIONS (1 series)")),
                report.summary().notes().toString());
    }

    @Test
    void aDiscordIsAFindingAloneOnlyWhenItsDetectorFiredAndThePatternModelCannotDropIt() {
        List<SeriesResultEntity> results = new java.util.ArrayList<>(results());
        SeriesResultEntity stuck = result("fds{}", "NONE", 0.4, 300);
        stuck.effectSize = 0.3;
        stuck.discordScore = 0.71;
        stuck.detectors = "DISCORD";
        SeriesResultEntity scoredOnly = result("heap{}", "NONE", 0.4, 300);
        scoredOnly.effectSize = 0.3;
        scoredOnly.discordScore = 0.71;
        results.add(stuck);
        results.add(scoredOnly);
        AnalysisEntity a = analysis();
        a.discordThreshold = 0.7;
        ApiViews.ReportView report = new ReportBuilder().build(a, results, Instant.now(), RankingSettings.defaults("t"));
        List<String> found = report.findings().stream().map(ApiViews.FindingView::series).toList();
        assertEquals(List.of("leak{}", "spike{}", "wobble{}", "fds{}"), found, "last: its KS p-value is weak");
        assertEquals("UNCLASSIFIED", report.findings().get(3).pattern(), "the model's NONE does not drop a discord");
        assertEquals(0.7, report.discordThreshold());
        assertTrue(report.summary().notes().stream().anyMatch(n -> n.startsWith("1 finding changed shape only")),
                report.summary().notes().toString());
    }

    @Test
    void aSeasonalReferenceSaysWhatEachSeriesWasComparedWithAndWhySomeFellBack() {
        List<SeriesResultEntity> results = results();
        results.get(0).reference = "DAILY";
        results.get(1).reference = "DAILY";
        results.get(2).reference = "PRECEDING";
        results.get(2).referenceNote = "no earlier day with data at the test window's clock time; compared with the preceding window";
        AnalysisEntity a = analysis();
        a.reference = "DAILY";
        ApiViews.ReportView report = new ReportBuilder().build(a, results, Instant.now(), RankingSettings.defaults("t"));
        assertEquals("DAILY", report.reference());
        assertTrue(report.summary().notes().contains("Reference DAILY: the test window was compared with earlier days for 2 "
                + "series, earlier weeks for 0, the preceding window for 1. 1 series fell back to the preceding window, e.g. no "
                + "earlier day with data at the test window's clock time; compared with the preceding window."),
                report.summary().notes().toString());
        assertTrue(new ReportBuilder().build(analysis(), results(), Instant.now(), RankingSettings.defaults("t")).summary().notes()
                .stream().noneMatch(n -> n.startsWith("Reference")), "nothing to say for the preceding window");
    }

    @Test
    void anUncertainPatternIsFlaggedOnItsFindingAndCountedInTheNotes() {
        List<SeriesResultEntity> results = results();
        results.get(1).uncertain = true;
        results.get(1).confidence = 0.55;
        ApiViews.ReportView report = new ReportBuilder().build(analysis(), results, Instant.now(), RankingSettings.defaults("t"));
        assertEquals(List.of(false, true, false), report.findings().stream().map(ApiViews.FindingView::uncertain).toList());
        assertTrue(report.summary().notes().stream().anyMatch(n -> n.startsWith("1 of 3 findings have an uncertain pattern")),
                report.summary().notes().toString());
        ApiViews.ReportView sure = new ReportBuilder().build(analysis(), results(), Instant.now(), RankingSettings.defaults("t"));
        assertTrue(sure.summary().notes().stream().noneMatch(n -> n.contains("uncertain")), sure.summary().notes().toString());
    }

    @Test
    void seriesThatCouldNotBeScreenedAreCountedNamedAndTheLostOnesSaidPlainly() {
        List<SeriesResultEntity> results = new java.util.ArrayList<>(results());
        SeriesResultEntity broken = result("ties{}", null, Double.NaN, 0);
        broken.status = "ERROR";
        broken.pValue = null;
        broken.error = "screening failed: MathInternalError (illegal state: internal error)";
        results.add(broken);
        AnalysisEntity analysis = analysis();
        analysis.fetched = 10; // 6 fetched series never reached a stored verdict
        ApiViews.ReportView report = new ReportBuilder().build(analysis, results, Instant.now(), RankingSettings.defaults("t"));
        assertEquals(1, report.summary().errors());
        assertEquals(6, report.summary().notScreened());
        assertTrue(report.summary().notes().stream().anyMatch(n -> n.startsWith("6 of 10 fetched series were never screened")),
                report.summary().notes().toString());
        assertTrue(report.summary().notes().stream().anyMatch(n -> n.contains("ties{}: screening failed: MathInternalError")),
                report.summary().notes().toString());
        assertEquals(3, report.findings().size(), "the other series are still ranked");
    }

    @Test
    void theReportLeadsWithComponentsRankedOverTheServiceGraphAndSetsTheAlertingOneApart() {
        List<SeriesResultEntity> results = List.of(
                withLabels(result("latency_seconds{service=\"frontend\"}", "LEVEL_SHIFT_UP", 1e-9, 900), "frontend", 40),
                withLabels(result("latency_seconds{service=\"checkout\"}", "LEVEL_SHIFT_UP", 1e-9, 800), "checkout", 30),
                withLabels(result("latency_seconds{service=\"db\"}", "LEVEL_SHIFT_UP", 1e-9, 600), "db", 8),
                edge("frontend", "checkout"), edge("checkout", "db"));
        AnalysisEntity analysis = analysis();
        analysis.alertName = "FrontendLatencyHigh";
        analysis.alertLabels = "{\"service\":\"frontend\"}";
        analysis.alertAt = TEST_START.plusSeconds(3600);
        ApiViews.ReportView report = new ReportBuilder().build(analysis, results, Instant.now(), RankingSettings.defaults("t"));
        assertEquals(List.of("db", "checkout"), report.likelyRootCauses().stream().map(ApiViews.ComponentView::component).toList());
        assertEquals("frontend", report.alertingComponent().component());
        assertEquals(2, report.serviceGraph().edgeCount());
        assertEquals("db", report.findings().stream().filter(f -> f.series().contains("db")).findFirst().orElseThrow().component());
        assertTrue(report.findings().stream().noneMatch(f -> f.metric().startsWith("traces_service_graph")),
                "an unchanged edge series is no finding");
    }

    private static SeriesResultEntity withLabels(SeriesResultEntity r, String service, double effect) {
        r.labels = "{\"__name__\":\"" + r.metric + "\",\"service\":\"" + service + "\"}";
        r.effectSize = effect;
        return r;
    }

    private static SeriesResultEntity edge(String client, String server) {
        SeriesResultEntity r = result("traces_service_graph_request_total{client=\"" + client + "\"}", null, 0.5, 0);
        r.labels = "{\"__name__\":\"traces_service_graph_request_total\",\"client\":\"" + client + "\",\"server\":\""
                + server + "\"}";
        r.effectSize = 0.1;
        return r;
    }

    private static List<String> ranks(RankingSettings settings) {
        return new ReportBuilder().build(analysis(), results(), Instant.now(), settings).findings().stream()
                .map(ApiViews.FindingView::series).toList();
    }

    private static AnalysisEntity analysis() {
        AnalysisEntity a = new AnalysisEntity();
        a.id = UUID.randomUUID();
        a.cluster = "east";
        a.status = "COMPLETED";
        a.windowStart = TEST_START.minusSeconds(7200);
        a.testStart = TEST_START;
        a.windowEnd = TEST_START.plusSeconds(3600);
        a.stepMs = 15_000;
        a.fdrLevel = 0.01;
        a.minEffectSize = 3;
        return a;
    }

    private static List<SeriesResultEntity> results() {
        return List.of(result("leak{}", "STEADY_INCREASE", 1e-9, 600), result("spike{}", "SINGLE_SPIKE", 1e-9, 900),
                result("wobble{}", "FLUCTUATIONS", 1e-9, 1200));
    }

    private static SeriesResultEntity result(String id, String pattern, double p, long onsetAfterTestStartS) {
        SeriesResultEntity r = new SeriesResultEntity();
        r.seriesId = id;
        r.metric = id.substring(0, id.indexOf('{'));
        r.labels = "{}";
        r.valueKind = "GAUGE";
        r.status = "TESTED";
        r.pValue = p;
        r.ksStatistic = 0.8;
        r.effectSize = 10.0;
        r.direction = 1;
        r.onsetAt = TEST_START.plusSeconds(onsetAfterTestStartS);
        r.pattern = pattern;
        r.confidence = 0.9;
        return r;
    }
}
