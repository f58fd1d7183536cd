package io.patternscope.report.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.api.ApiViews;
import io.patternscope.report.repository.AnalysisEntity;
import io.patternscope.report.repository.AnalysisRepository.Stage;
import java.util.List;
import java.util.Map;

/** Entity → API view, and the small JSON columns (labels, selectors) in and out. */
public final class AnalysisMapper {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AnalysisMapper() {
    }

    /**
     * The analysis with its progress counters; once it has ended, the counters are at least its final
     * counts (series discovered, fetched, and with a stored verdict), so a progress event lost in a
     * crash never shows an ended analysis short of its series.
     */
    public static ApiViews.AnalysisView toView(AnalysisEntity a, Map<Stage, long[]> progress) {
        long[] none = {0, 0};
        long discovered = progress.getOrDefault(Stage.DISCOVERED, none)[1];
        long fetched = progress.getOrDefault(Stage.FETCHED, none)[1];
        long screened = progress.getOrDefault(Stage.SCREENED, none)[1];
        long classified = progress.getOrDefault(Stage.CLASSIFIED, none)[1];
        if (a.isFinished()) {
            discovered = Math.max(discovered, a.discovered == null ? 0 : a.discovered);
            fetched = Math.max(fetched, a.fetched == null ? 0 : a.fetched);
            screened = Math.max(screened, a.screened == null ? 0 : a.screened);
            classified = Math.max(classified, a.screened == null ? 0 : a.screened);
        }
        return new ApiViews.AnalysisView(a.id.toString(), a.cluster, a.status, a.statusReason, alert(a), window(a),
                new ApiViews.ProgressView(discovered, fetched, screened, classified, a.totalBatches,
                        progress.getOrDefault(Stage.CLASSIFIED, none)[0]),
                a.createdAt, a.completedAt, "/api/v1/analyses/" + a.id + "/report");
    }

    public static ApiViews.AlertView alert(AnalysisEntity a) {
        return a.alertName == null ? null : new ApiViews.AlertView(a.alertName, readMap(a.alertLabels), a.alertAt);
    }

    public static ApiViews.WindowView window(AnalysisEntity a) {
        return new ApiViews.WindowView(a.windowStart, a.testStart, a.windowEnd, a.stepMs / 1000);
    }

    public static ApiViews.SeriesView toView(io.patternscope.report.repository.SeriesResultEntity r, AnalysisEntity a) {
        boolean changed = isChanged(r, a);
        return new ApiViews.SeriesView(r.seriesId, r.metric, readMap(r.labels), r.valueKind, r.status, changed, r.pValue,
                r.qValue, r.ksStatistic, r.effectSize, r.direction > 0 ? "up" : (r.direction < 0 ? "down" : "none"),
                r.onsetAt, r.pattern, r.confidence, r.uncertain, detectors(r.detectors), r.ksPValue, r.recentZ, r.recentRun,
                r.discordScore, r.reference, r.referenceNote, r.error);
    }

    /**
     * A changed series: Benjamini–Hochberg calls it significant with at least the minimum effect,
     * or the discord detector fired on it (its threshold is the analysis's; it has no p-value).
     */
    public static boolean isChanged(io.patternscope.report.repository.SeriesResultEntity r, AnalysisEntity a) {
        return isSignificantChange(r, a) || firedDiscord(r);
    }

    static boolean isSignificantChange(io.patternscope.report.repository.SeriesResultEntity r, AnalysisEntity a) {
        return r.qValue != null && r.qValue <= a.fdrLevel && r.effectSize != null
                && Math.abs(r.effectSize) >= a.minEffectSize;
    }

    public static boolean firedDiscord(io.patternscope.report.repository.SeriesResultEntity r) {
        return detectors(r.detectors).contains(io.patternscope.core.wire.Detector.DISCORD.name());
    }

    /** The stored comma-separated detector names as a list (empty for none). */
    public static List<String> detectors(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ApiViews.ReportView readReport(String json) {
        try {
            return JSON.readValue(json, ApiViews.ReportView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report is not a report: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, String> readMap(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<Map<String, String>>() { });
    }

    /** A stored window ({@code series_values}): its values, NaN for a gap; null when none is stored. */
    public static double[] readValues(String json) {
        return json == null ? null : read(json, new TypeReference<double[]>() { });
    }

    /** How many of a stored window's values are finite (0 when none is stored). */
    public static long finiteValues(String json) {
        double[] values = readValues(json);
        return values == null ? 0 : java.util.Arrays.stream(values).filter(Double::isFinite).count();
    }

    public static List<String> readList(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() { });
    }

    /** Stored JSON text read back as {@code type}. */
    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is not the JSON expected: " + e.getOriginalMessage(), e);
        }
    }
}
