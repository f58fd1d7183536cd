package io.patternscope.report.repository;

public enum AnalysisStatus {
    PENDING, RUNNING, COMPLETED, PARTIAL, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == PARTIAL || this == FAILED;
    }
}
