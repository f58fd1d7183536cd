package io.patternscope.core.api;

/** An analysis's status, as stored by report-service and read by the gateway, the UI and the demo. */
public enum AnalysisStatus {
    PENDING, RUNNING, COMPLETED, PARTIAL, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == PARTIAL || this == FAILED;
    }

    /** Whether a status name from the API is an ended one (unknown names are not). */
    public static boolean ended(String name) {
        for (AnalysisStatus s : values()) {
            if (s.name().equals(name)) {
                return s.finished();
            }
        }
        return false;
    }
}
