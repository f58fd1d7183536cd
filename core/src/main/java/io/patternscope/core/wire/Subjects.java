package io.patternscope.core.wire;

/**
 * NATS JetStream subjects, shared by every service and by the tests. Each subject is relative to a
 * configurable prefix ({@code ps} by default) so that test runs can use a stream of their own.
 * ARCHITECTURE.md documents the payload of each.
 */
public final class Subjects {
    /** report-service → fetcher: {@link AnalysisRequested}. */
    public static final String ANALYSIS_REQUESTED = "analysis.requested";
    /** fetcher → fetcher (any replica): {@link FetchShard}. */
    public static final String FETCH_SHARD = "fetch.shard";
    /** fetcher → detector: {@link SeriesBatch} of raw (counter-converted) series. */
    public static final String SERIES_FETCHED = "series.fetched";
    /** detector → classifier: {@link ScreenedBatch}. */
    public static final String SERIES_SCREENED = "series.screened";
    /** Everything report-service consumes lives under this token, so one durable consumer with one filter serves it. */
    public static final String EVENTS = "events";
    /** classifier → report: {@link ScreenedBatch} with patterns filled in. */
    public static final String EVENTS_CLASSIFIED = "events.classified";
    /** fetcher → report: {@link FetchPlanned}, once per analysis. */
    public static final String EVENTS_FETCH_PLANNED = "events.fetch-planned";
    /** fetcher → report: {@link FetchCompleted}, once per shard. */
    public static final String EVENTS_FETCH_COMPLETED = "events.fetch-completed";
    /** any stage → report: {@link BatchFailed}, when a batch could not be processed after every retry. */
    public static final String EVENTS_BATCH_FAILED = "events.batch-failed";
    /** any stage → report: {@link StageProgress}. */
    public static final String EVENTS_PROGRESS = "events.progress";

    private Subjects() {
    }

    /** The full subject for a relative one, e.g. {@code ps.series.fetched}. */
    public static String qualified(String prefix, String relative) {
        return prefix + "." + relative;
    }
}
