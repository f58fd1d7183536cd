package io.patternscope.core.wire;

/**
 * A stage gave up on work after its last allowed delivery. With {@code batchNo ≥ 0} that batch
 * counts as done-but-lost, so the analysis still ends (PARTIAL, with this reason) instead of
 * waiting forever; {@code batchNo = -1} means the whole analysis request was lost (FAILED).
 */
public record BatchFailed(String analysisId, String stage, int batchNo, String reason) {
}
