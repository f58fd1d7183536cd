package io.patternscope.detector.service;

import io.patternscope.core.screening.SeasonalReference;
import io.patternscope.core.screening.SeriesScreener;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.ScreenedSeries;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.detector.config.ScreeningConfig;
import io.patternscope.core.resilience.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Screens every series of a fetched batch with the detector ensemble ({@link SeriesScreener}: KS,
 * recent extremes, matrix-profile discords). Values travel on only for candidates — the series that
 * Benjamini–Hochberg may still call changed — so the classifier gets what it needs and the other
 * series shrink to their statistics. A series whose screening throws is marked
 * {@link io.patternscope.core.wire.ScreeningStatus#ERROR} with the sentence; the rest of the batch goes on.
 */
@ApplicationScoped
public class BatchScreening {

    private static final Logger LOG = Logger.getLogger(BatchScreening.class);

    private final ScreeningConfig config;

    public BatchScreening(ScreeningConfig config) {
        this.config = config;
    }

    public ScreenedBatch screen(SeriesBatch batch) {
        SeasonalReference.Kind reference = SeasonalReference.Kind.of(batch.screening().reference());
        return screen(batch, (screener, series) -> screen(screener, batch.testStartMs(), reference, series));
    }

    /** The batch screened one series at a time by {@code screenOne}, each failure kept to its series. */
    ScreenedBatch screen(SeriesBatch batch, BiFunction<SeriesScreener, SeriesData, ScreenedSeries> screenOne) {
        // One screener per batch: its levels (q, minimum effect, discord threshold) come with each analysis.
        Double discordThreshold = batch.screening().discordThreshold();
        SeriesScreener screener = new SeriesScreener(new SeriesScreener.Settings(config.minReferencePoints(),
                config.minTestPoints(), batch.screening().fdrLevel(), batch.screening().minEffectSize(), config.minSegment(),
                config.recentMaxRun(), discordThreshold == null ? Double.NaN : discordThreshold));
        List<ScreenedSeries> out = new ArrayList<>(batch.series().size());
        for (SeriesData series : batch.series()) {
            try {
                out.add(screenOne.apply(screener, series));
            } catch (RuntimeException | StackOverflowError e) {
                // One series must never take its batch down: it is marked ERROR and the rest go on.
                LOG.warnf(e, "analysis %s batch %d: screening %s failed", batch.analysisId(), batch.batchNo(), series.id());
                out.add(ScreenedSeries.failed(series, "screening failed: " + Failures.sentence(e)));
            }
        }
        return new ScreenedBatch(batch.analysisId(), batch.batchNo(), null, out);
    }

    static ScreenedSeries screen(SeriesScreener screener, long testStartMs, SeasonalReference.Kind reference,
                                 SeriesData series) {
        if (series.values() == null || series.stepMs() <= 0) {
            return ScreenedSeries.failed(series, "the fetched series has " + (series.values() == null ? "no values"
                    : "a step of " + series.stepMs() + " ms") + ", so it cannot be screened");
        }
        int testStart = (int) Math.ceil((double) (testStartMs - series.startMs()) / series.stepMs());
        SeasonalReference.Choice choice = SeasonalReference.choose(reference, series.values(), Math.max(0, testStart),
                series.past());
        SeriesScreener.Outcome o = screener.screen(choice.values(), choice.split(), series.kind() == SeriesData.ValueKind.GAUGE,
                series.stepMs());
        // Against past windows the screened values are those windows and then the test window: an onset
        // is moved back onto the series' grid, one inside the past windows meaning the test window's start.
        int onsetIndex = o.onsetIndex() < 0 || choice.used() == SeasonalReference.Kind.PRECEDING ? o.onsetIndex()
                : Math.max(testStart, testStart + o.onsetIndex() - choice.split());
        long onsetMs = onsetIndex < 0 ? -1 : series.startMs() + onsetIndex * series.stepMs();
        return new ScreenedSeries(series.id(), series.labels(), series.kind(), o.status(), o.candidate(),
                o.ksStatistic(), o.pValue(), o.effectSize(), o.direction(), onsetMs, series.startMs(), series.stepMs(),
                o.candidate() ? series.values() : null, null, Double.NaN, false, o.ksPValue(),
                o.detectors().stream().sorted().toList(), o.recent().z(), o.recent().run(), o.discord().score(),
                choice.used().name(), choice.fallback(), null);
    }
}
