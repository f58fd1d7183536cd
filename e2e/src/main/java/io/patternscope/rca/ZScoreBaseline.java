package io.patternscope.rca;

import io.patternscope.core.screening.RobustStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the benchmark compares with: every component ranked by the largest robust z-score of
 * its series' latest points against the window's reference part — |value − median| / (1.4826·MAD),
 * with the same relative floor as the screener for a constant reference — over the last
 * {@value #LATEST} samples of each series. No statistics beyond that, no graph.
 */
final class ZScoreBaseline {

    static final int LATEST = 5;

    private ZScoreBaseline() {
    }

    static List<String> rank(IncidentBenchmark benchmark, IncidentBenchmark.Incident incident, List<double[]> data) {
        int testStart = (int) ((IncidentBenchmark.WINDOW_MS - IncidentBenchmark.TEST_WINDOW_MS) / incident.stepMs());
        Map<String, Double> score = new HashMap<>();
        List<IncidentBenchmark.SeriesSpec> specs = benchmark.specs();
        for (int s = 0; s < specs.size(); s++) {
            String component = specs.get(s).component();
            if (component == null) {
                continue;
            }
            double z = latestZ(data.get(s), testStart);
            score.merge(component, z, Math::max);
        }
        List<String> ranked = new ArrayList<>(score.keySet());
        ranked.sort(Comparator.comparingDouble((String c) -> -score.get(c)).thenComparing(c -> c));
        return ranked;
    }

    static double latestZ(double[] values, int testStart) {
        double[] reference = Arrays.stream(values, 0, testStart).filter(Double::isFinite).sorted().toArray();
        if (reference.length < 2) {
            return 0;
        }
        double median = RobustStatistics.quantileOfSorted(reference, 0.5);
        double mad = RobustStatistics.MAD_TO_SIGMA * RobustStatistics.medianAbsoluteDeviationOfSorted(reference, median);
        double scale = Math.max(mad, RobustStatistics.CONSTANT_REFERENCE_RELATIVE_SCALE * Math.abs(median));
        if (!(scale > 0)) {
            scale = 1e-9;
        }
        double best = 0;
        int seen = 0;
        for (int t = values.length - 1; t >= testStart && seen < LATEST; t--) {
            if (Double.isFinite(values[t])) {
                best = Math.max(best, Math.abs(values[t] - median) / scale);
                seen++;
            }
        }
        return best;
    }
}
