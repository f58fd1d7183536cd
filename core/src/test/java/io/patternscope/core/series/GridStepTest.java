package io.patternscope.core.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GridStepTest {

    @Test
    void fiveMinuteSamplesAreReadAtFiveMinutesNotRepeatedTwentyTimes() {
        long[] t = new long[48];
        double[] v = new double[48];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 300_000L - (i % 3) * 1_000; // a little jitter, each sample at or before its grid point
            v[i] = i;
        }
        long spacing = GridAligner.nativeSpacing(t, t.length);
        assertEquals(300_000, spacing, 2_000);
        long step = GridAligner.seriesStep(15_000, spacing);
        assertEquals(300_000, step);
        double[] grid = GridAligner.align(t, v, t.length, 0, step, 48, GridAligner.DEFAULT_LOOKBACK_MS + step / 2);
        for (int k = 0; k < grid.length; k++) {
            assertEquals(k, grid[k], 1e-12, "each grid point takes its own sample, the newest at or before it");
        }
    }

    @Test
    void seriesSampledAtTheAnalysisStepKeepIt() {
        assertEquals(15_000, GridAligner.seriesStep(15_000, 15_000));
        assertEquals(15_000, GridAligner.seriesStep(15_000, 20_000));
        assertEquals(60_000, GridAligner.seriesStep(15_000, 60_000));
        assertEquals(15_000, GridAligner.seriesStep(15_000, 0));
        assertEquals(0, GridAligner.nativeSpacing(new long[] {5}, 1));
    }
}
