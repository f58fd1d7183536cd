package io.patternscope.fetcher.service;

import io.patternscope.bus.JetStreamBus;
import io.patternscope.bus.SeriesBatchFrame;
import io.patternscope.core.wire.ScreeningParameters;
import io.patternscope.core.wire.SeriesBatch;
import io.patternscope.core.wire.SeriesData;
import io.patternscope.core.wire.StageProgress;
import io.patternscope.core.wire.Subjects;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects fetched series and publishes them as {@link SeriesBatch} messages whose encoded size
 * stays under a byte budget, so memory is bounded by one batch plus the responses in flight, and
 * every message fits the server's max payload. Batch numbers are consecutive from the shard's first
 * number and, with the analysis id, form the message ids: a re-run of the same shard publishes the
 * same ids.
 * Not thread-safe: one per analysis, fed from one thread.
 */
final class BatchPublisher {


    private final JetStreamBus bus;
    private final String analysisId;
    private final long testStartMs;
    private final ScreeningParameters screening;
    private final long maxBytes;
    private final List<SeriesData> pending = new ArrayList<>();
    private java.util.Map<String, List<SeriesData.PastWindow>> past = java.util.Map.of();
    private final long envelopeBytes;
    private long pendingBytes;
    private int batches;
    private int published;

    private final int firstBatchNo;

    BatchPublisher(JetStreamBus bus, String analysisId, long testStartMs, ScreeningParameters screening, long maxBytes,
                   int firstBatchNo) {
        this.firstBatchNo = firstBatchNo;
        this.bus = bus;
        this.analysisId = analysisId;
        this.testStartMs = testStartMs;
        this.screening = screening;
        this.envelopeBytes = SeriesBatchFrame.envelopeSize(analysisId, screening);
        this.pendingBytes = envelopeBytes;
        this.maxBytes = Math.min(maxBytes, bus.maxPayloadBytes());
    }

    /** Past windows (by series id) that leave with their series, for a seasonal reference. */
    void attachPast(java.util.Map<String, List<SeriesData.PastWindow>> windows) {
        this.past = windows;
    }

    void add(SeriesData series) {
        List<SeriesData.PastWindow> windows = past.get(series.id());
        if (windows != null) {
            series = series.withPast(windows);
        }
        int size = SeriesBatchFrame.budgetSize(series);
        if (!pending.isEmpty() && pendingBytes + size > maxBytes) {
            flush();
        }
        pending.add(series);
        pendingBytes += size;
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        int batchNo = firstBatchNo + batches++;
        SeriesBatch batch = new SeriesBatch(analysisId, testStartMs, screening, batchNo, List.copyOf(pending));
        bus.publish(Subjects.SERIES_FETCHED, analysisId + ":fetched:" + batchNo, batch);
        bus.publish(Subjects.EVENTS_PROGRESS, analysisId + ":progress:FETCHED:" + batchNo,
                new StageProgress(analysisId, StageProgress.Stage.FETCHED, batchNo, pending.size()));
        published += pending.size();
        pending.clear();
        pendingBytes = envelopeBytes;
    }

    int batches() {
        return batches;
    }

    int published() {
        return published;
    }
}
