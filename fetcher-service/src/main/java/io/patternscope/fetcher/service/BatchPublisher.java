package io.patternscope.fetcher.service;

import io.patternscope.bus.JetStreamBus;
import io.patternscope.bus.WireCodec;
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

    /** JSON envelope around the series list (ids, numbers, brackets). */
    private static final int ENVELOPE_BYTES = 512;

    private final JetStreamBus bus;
    private final String analysisId;
    private final long testStartMs;
    private final ScreeningParameters screening;
    private final long maxBytes;
    private final List<SeriesData> pending = new ArrayList<>();
    private long pendingBytes = ENVELOPE_BYTES;
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
        this.maxBytes = Math.min(maxBytes, bus.maxPayloadBytes() - ENVELOPE_BYTES);
    }

    void add(SeriesData series) {
        int size = WireCodec.encode(series).length + 1;
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
        pendingBytes = ENVELOPE_BYTES;
    }

    int batches() {
        return batches;
    }

    int published() {
        return published;
    }
}
