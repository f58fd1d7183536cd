package io.patternscope.report.service;

import io.patternscope.core.wire.BatchFailed;
import io.patternscope.report.config.AnalysisConfig;
import io.patternscope.report.repository.AnalysisRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Ends analyses that stopped making progress: every {@code sweep-interval}, an analysis still
 * PENDING or RUNNING whose last progress is older than {@code stall-timeout} ends FAILED with a
 * sentence and a report of what it had (the same path as a stage giving up on the whole analysis),
 * so a lost request never leaves a row PENDING forever. Events that arrive later are ignored, as for
 * any ended analysis. Every replica sweeps; the row lock makes the end happen once. The same sweep
 * deletes ended analyses older than {@code retention} (30 days by default), a bounded number at a
 * time, so storage stays proportional to the retention.
 */
@ApplicationScoped
public class AnalysisSweeper {

    private static final Logger LOG = Logger.getLogger(AnalysisSweeper.class);

    private final AnalysisRepository analyses;
    private final CompletionTracker tracker;
    private final Transactions tx;
    private final AnalysisConfig config;
    private ScheduledExecutorService timer;

    public AnalysisSweeper(AnalysisRepository analyses, CompletionTracker tracker, Transactions tx, AnalysisConfig config) {
        this.analyses = analyses;
        this.tracker = tracker;
        this.tx = tx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "analysis-sweeper");
            t.setDaemon(true);
            return t;
        });
        long every = config.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Analyses deleted per sweep at most: a backlog goes in steps instead of one long transaction. */
    static final int DELETE_PER_SWEEP = 500;

    private void sweepQuietly() {
        try {
            sweep(Instant.now().minus(config.stallTimeout()));
            if (!config.retention().isZero()) {
                int deleted = deleteExpired(Instant.now().minus(config.retention()));
                if (deleted > 0) {
                    LOG.infof("deleted %d analyses older than the retention of %s", deleted, config.retention());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("sweeping analyses failed (next try in %s): %s", config.sweepInterval(), e.getMessage());
        }
    }

    /** Deletes ended analyses created before {@code cutoff} with their results; returns how many. */
    public int deleteExpired(Instant cutoff) {
        return tx.onPool(() -> analyses.deleteEndedBefore(cutoff, DELETE_PER_SWEEP));
    }

    /** Ends every unfinished analysis with no progress since {@code cutoff}; returns how many. */
    public int sweep(Instant cutoff) {
        List<UUID> stalled = tx.readOnly(() -> analyses.stalledSince(cutoff));
        for (UUID id : stalled) {
            LOG.warnf("analysis %s made no progress for %s: ending it FAILED", id, config.stallTimeout());
            tracker.onBatchFailed(new BatchFailed(id.toString(), "report", -1, "no progress for "
                    + config.stallTimeout().toMinutes() + " minutes: the request or a stage's work was lost; "
                    + "run the analysis again"));
        }
        return stalled.size();
    }
}
