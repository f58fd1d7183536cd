package io.patternscope.detector.service;

import io.patternscope.core.screening.SeriesScreener;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.detector.config.ScreeningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Screens every series of a fetched batch. Values travel on only for candidates — the series that
 * Benjamini–Hochberg may still call changed — so the classifier gets what it needs and the other
 * series shrink to their statistics.
 */
@ApplicationScoped
public class BatchScreening {

    private final ScreeningConfig config;

    public BatchScreening(ScreeningConfig config) {
        this.config = config;
    }

    public ScreenedBatch screen(SeriesBatch batch) {
        // SeriesScreener holds a random generator: one per call keeps concurrent workers apart.
        SeriesScreener screener = new SeriesScreener(new SeriesScreener.Settings(config.minReferencePoints(),
                config.minTestPoints(), batch.screening().fdrLevel(), batch.screening().minEffectSize(), config.minSegment()));
        List<ScreenedSeries> out = new ArrayList<>(batch.series().size());
        for (SeriesData series : batch.series()) {
            int testStart = (int) Math.ceil((double) (batch.testStartMs() - series.startMs()) / series.stepMs());
            SeriesScreener.Outcome o = screener.screen(series.values(), testStart,
                    series.kind() == SeriesData.ValueKind.GAUGE);
            long onsetMs = o.onsetIndex() < 0 ? -1 : series.startMs() + o.onsetIndex() * series.stepMs();
            out.add(new ScreenedSeries(series.id(), series.labels(), series.kind(), o.status(), o.candidate(),
                    o.ksStatistic(), o.pValue(), o.effectSize(), o.direction(), onsetMs, series.startMs(), series.stepMs(),
                    o.candidate() ? series.values() : null, null, Double.NaN, false));
        }
        return new ScreenedBatch(batch.analysisId(), batch.batchNo(), null, out);
    }
}
