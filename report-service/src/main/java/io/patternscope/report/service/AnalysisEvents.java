package io.patternscope.report.service;

import io.patternscope.core.wire.BatchFailed;
import io.patternscope.core.wire.FetchCompleted;
import io.patternscope.core.wire.FetchPlanned;
import io.patternscope.core.wire.ScreenedBatch;
import io.patternscope.core.wire.StageProgress;

/** What report-service does with each event of an analysis; {@link CompletionTracker} applies them to PostgreSQL. */
public interface AnalysisEvents {

    void onProgress(StageProgress progress);

    void onFetchPlanned(FetchPlanned plan);

    void onFetchCompleted(FetchCompleted done);

    void onClassified(ScreenedBatch batch);

    void onBatchFailed(BatchFailed failed);
}
