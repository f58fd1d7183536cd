package io.patternscope.core.wire;

/**
 * A progress counter contribution: {@code series} series of batch {@code batchNo} went through
 * {@code stage}. Keyed by (analysis, stage, batch) so a redelivered message is never counted twice.
 * DISCOVERED uses batch -1 (one contribution per analysis).
 */
public record StageProgress(String analysisId, Stage stage, int batchNo, int series) {

    public enum Stage { DISCOVERED, FETCHED, SCREENED, CLASSIFIED }
}
