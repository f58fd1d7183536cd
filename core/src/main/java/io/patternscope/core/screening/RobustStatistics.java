package io.patternscope.core.screening;

import java.util.Arrays;

/**
 * Order statistics used for effect sizes. Inputs must be NaN-free; arrays are copied, never modified.
 * The median by selection in O(n) (it runs on every series the classifier prepares), the rest
 * O(n log n); thread-safe.
 */
public final class RobustStatistics {

    /** Makes the MAD a consistent estimator of the standard deviation under normality. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStatistics() {
    }

    public static double median(double[] values) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] a = values.clone();
        double upper = select(a, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        // select leaves every value ordered before the n/2-th in a[0, n/2): the lower middle is their largest.
        double lower = a[0];
        for (int i = 1; i < n / 2; i++) {
            if (Double.compare(a[i], lower) > 0) {
                lower = a[i];
            }
        }
        return 0.5 * (lower + upper);
    }

    /**
     * The {@code k}-th smallest of {@code a} in {@link Double#compare} order (the order
     * {@link Arrays#sort(double[])} gives, so the same value a sort would put there), by quickselect
     * with three-way partitioning (quantized counts repeat values) and a median-of-three pivot;
     * rearranges {@code a} so that {@code a[0, k)} holds values ordered before it. Falls back to a
     * sort after 64 rounds, so no input costs more than O(n log n).
     */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        for (int round = 0; lo < hi; round++) {
            if (round == 64) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) { // a[lo, lt) < pivot, a[lt, i) == pivot, a(gt, hi] > pivot
                int c = Double.compare(a[i], pivot);
                if (c < 0) {
                    swap(a, lt++, i++);
                } else if (c > 0) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[k];
    }

    private static double medianOfThree(double x, double y, double z) {
        if (Double.compare(x, y) > 0) {
            double t = x;
            x = y;
            y = t;
        }
        if (Double.compare(y, z) > 0) {
            y = z;
        }
        return Double.compare(x, y) > 0 ? x : y;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Quantile by linear interpolation between order statistics (R type 7, numpy's default). */
    public static double quantileOfSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        return (n % 2 == 1) ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** Median absolute deviation around the median (unscaled). */
    public static double medianAbsoluteDeviation(double[] values, double median) {
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return median(deviations);
    }

    /**
     * Median absolute deviation of a sorted array around its median, in O(n) without sorting the
     * deviations: those left of the median grow leftwards, those right of it grow rightwards, so
     * the k-th smallest is found by merging the two runs outward from the median.
     */
    public static double medianAbsoluteDeviationOfSorted(double[] sorted, double median) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        int right = 0;
        while (right < n && sorted[right] < median) {
            right++;
        }
        int left = right - 1;
        double previous = 0;
        double current = 0;
        for (int k = 0; k <= n / 2; k++) {
            double fromLeft = left >= 0 ? median - sorted[left] : Double.POSITIVE_INFINITY;
            double fromRight = right < n ? sorted[right] - median : Double.POSITIVE_INFINITY;
            previous = current;
            if (fromLeft <= fromRight) {
                current = fromLeft;
                left--;
            } else {
                current = fromRight;
                right++;
            }
        }
        return (n % 2 == 1) ? current : 0.5 * (previous + current);
    }

    /** A constant reference counts a move of this fraction of its level as one standard deviation. */
    public static final double CONSTANT_REFERENCE_RELATIVE_SCALE = 0.01;

    /**
     * The scale effect sizes are measured in, for a sorted reference window: 1.4826·MAD; when more
     * than half the points share one value, the mean absolute deviation ×√(π/2). Either way at least
     * {@value #CONSTANT_REFERENCE_RELATIVE_SCALE} of the reference's level, so that a reference that
     * (nearly) never moves — availability at 100 %, a fixed replica count — gives relative changes
     * (100 → 95 is 5 σ) instead of millions of σ. A reference constant at 0 takes that fraction of
     * the test window's largest magnitude (leaving 0 at all is then 100 σ). Never 0 for finite input.
     */
    public static double referenceScaleOfSorted(double[] sortedReference, double median, double[] sortedTest) {
        double relativeFloor = CONSTANT_REFERENCE_RELATIVE_SCALE * Math.abs(median);
        if (median == 0 && sortedTest.length > 0) {
            double largest = Math.max(Math.abs(sortedTest[0]), Math.abs(sortedTest[sortedTest.length - 1]));
            relativeFloor = CONSTANT_REFERENCE_RELATIVE_SCALE * largest;
        }
        double mad = MAD_TO_SIGMA * medianAbsoluteDeviationOfSorted(sortedReference, median);
        if (mad > 0) {
            return mad;
        }
        double scale = Math.max(scaledMeanAbsoluteDeviation(sortedReference, median), relativeFloor);
        return scale > 0 ? scale : Double.MIN_NORMAL;
    }

    /** The mean absolute deviation around {@code median} ×√(π/2): σ under normality; 0 for no values. */
    private static double scaledMeanAbsoluteDeviation(double[] values, double median) {
        double sum = 0;
        for (double v : values) {
            sum += Math.abs(v - median);
        }
        return values.length == 0 ? 0 : 1.2533 * sum / values.length;
    }

    private static double meanAbsoluteFallback(double[] values, double median) {
        double meanAbs = scaledMeanAbsoluteDeviation(values, median);
        if (meanAbs > 0) {
            return meanAbs;
        }
        return Math.max(1e-9, 1e-6 * Math.abs(median));
    }

    /**
     * A robust spread of {@code values}, in standard-deviation units: 1.4826·MAD; when more than half
     * the points share one value (quantized or mostly idle metrics) the MAD is 0, so fall back to
     * the mean absolute deviation ×√(π/2), and finally to a tiny fraction of the level so that the
     * effect size stays finite.
     */
    public static double robustScale(double[] values, double median) {
        double mad = MAD_TO_SIGMA * medianAbsoluteDeviation(values, median);
        if (mad > 0) {
            return mad;
        }
        return meanAbsoluteFallback(values, median);
    }
}
