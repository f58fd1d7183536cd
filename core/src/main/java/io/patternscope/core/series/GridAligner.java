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
