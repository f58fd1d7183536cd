package io.patternscope.core.series;

import io.patternscope.core.chunks.XorChunkDecoder;
import java.util.Arrays;

/**
 * Places raw samples on an analysis grid the way a PromQL range query evaluates an instant vector
 * selector: the value at grid time t is the newest sample with timestamp ≤ t, if that sample is
 * at most {@code lookbackMs} old and is not a stale marker; otherwise NaN (a gap). Both fetch paths
 * (remote read and query_range) therefore give the same grid. Samples must be in time order.
 * O(samples + points), thread-safe.
 */
public final class GridAligner {

    /** Prometheus's default lookback delta. */
    public static final long DEFAULT_LOOKBACK_MS = 5 * 60 * 1000;

    private GridAligner() {
    }

    /**
     * The series' own sample spacing: the median gap between consecutive samples (0 with fewer than
     * two). Scrapes at 15 s give 15 s; CloudWatch-style exports every 5 minutes give 5 minutes.
     */
    public static long nativeSpacing(long[] timestamps, int count) {
        if (count < 2) {
            return 0;
        }
        long[] gaps = new long[count - 1];
        for (int i = 1; i < count; i++) {
            gaps[i - 1] = timestamps[i] - timestamps[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    /**
     * The step a series is read at when the analysis takes the step from the data: the analysis's
     * own step, or — for a series sampled more coarsely than 1.5 of those steps — its spacing rounded
     * to a whole number of steps. A 5-minute series on a 15-s grid would repeat each sample 20 times,
     * turning every small change into a "significant" one and its onset into guesswork.
     */
    public static long seriesStep(long analysisStepMs, long nativeSpacingMs) {
        if (nativeSpacingMs <= analysisStepMs * 3 / 2) {
            return analysisStepMs;
        }
        return Math.max(analysisStepMs, Math.round((double) nativeSpacingMs / analysisStepMs) * analysisStepMs);
    }

    public static double[] align(long[] timestamps, double[] values, int count, long startMs, long stepMs, int points,
                                 long lookbackMs) {
        double[] grid = new double[points];
        Arrays.fill(grid, Double.NaN);
        int next = 0;
        int newest = -1;
        for (int k = 0; k < points; k++) {
            long t = startMs + k * stepMs;
            while (next < count && timestamps[next] <= t) {
                newest = next++;
            }
            if (newest >= 0 && t - timestamps[newest] <= lookbackMs
                    && Double.doubleToRawLongBits(values[newest]) != XorChunkDecoder.STALE_NAN_BITS) {
                grid[k] = values[newest];
            }
        }
        return grid;
    }
}
