package io.patternscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.features.Fingerprint;
import io.patternscope.core.features.ProfileMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench profiles}: how often a features profile silences what it should and what it must
 * not, on NAB's real series. For every file, each day-long window (288 points) free of labeled
 * anomalies is a profile an operator made; the same clock time on each of the next three days is
 * a window that should match when it is free of anomalies too ("normal"), and must not when it
 * holds a labeled anomaly ("anomalous"). Prints the share of each matched, for the sum rule alone
 * and with the feature-distance limits that {@link ProfileMatcher} can take.
 */
final class ProfileBench {

    private static final int WINDOW = 288;
    private static final double[] DISTANCES = {1.0, 0.30, 0.20, 0.15, 0.10, 0.05};

    private ProfileBench() {
    }

    private record Series(double[] values, boolean[] anomalous) {
    }

    static void run(Path nab) throws IOException {
        JsonNode labels = new ObjectMapper().readTree(nab.resolve("labels/combined_windows.json").toFile());
        List<double[]> pairs = new ArrayList<>(); // {normal?1:0, raw sum %, scaled sum % or NaN, distance}
        ProfileMatcher sumOnly = new ProfileMatcher(new ProfileMatcher.Settings(1.0, 15.0, 1.0));
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            Path csv = nab.resolve("data").resolve(file.getKey());
            if (!file.getKey().startsWith("real") || !Files.isRegularFile(csv)) {
                continue;
            }
            Series series = read(csv, file.getValue());
            int n = series.values().length;
            for (int p = 0; p + 4 * WINDOW <= n; p += WINDOW / 2) {
                if (anyAnomalous(series, p)) {
                    continue;
                }
                Fingerprint profile = fingerprint(series, p);
                if (profile == null) {
                    continue;
                }
                for (int day = 1; day <= 3; day++) {
                    int q = p + day * WINDOW;
                    Fingerprint window = fingerprint(series, q);
                    if (window == null) {
                        continue;
                    }
                    double distance = ProfileMatcher.distance(window.features(), profile.features());
                    boolean sumMatch = sumOnly.match(window, profile).isPresent();
                    pairs.add(new double[] {anyAnomalous(series, q) ? 0 : 1, sumMatch ? 1 : 0, distance});
                }
            }
        }
        long normal = pairs.stream().filter(x -> x[0] == 1).count();
        long anomalous = pairs.size() - normal;
        System.out.printf(Locale.ROOT, "profiles.pairs_normal %d%nprofiles.pairs_anomalous %d%n", normal, anomalous);
        for (double limit : DISTANCES) {
            long normalMatched = pairs.stream().filter(x -> x[0] == 1 && x[1] == 1 && x[2] <= limit).count();
            long anomalousMatched = pairs.stream().filter(x -> x[0] == 0 && x[1] == 1 && x[2] <= limit).count();
            String name = limit >= 1 ? "sum_only" : String.format(Locale.ROOT, "sum_and_distance_%.2f", limit);
            System.out.printf(Locale.ROOT, "profiles.%s.normal_matched %.4f%nprofiles.%s.anomalous_matched %.4f%n",
                    name, (double) normalMatched / normal, name, (double) anomalousMatched / anomalous);
            if (limit < 1) {
                long normalNear = pairs.stream().filter(x -> x[0] == 1 && x[2] <= limit).count();
                long anomalousNear = pairs.stream().filter(x -> x[0] == 0 && x[2] <= limit).count();
                name = String.format(Locale.ROOT, "distance_only_%.2f", limit);
                System.out.printf(Locale.ROOT, "profiles.%s.normal_matched %.4f%nprofiles.%s.anomalous_matched %.4f%n",
                        name, (double) normalNear / normal, name, (double) anomalousNear / anomalous);
            }
        }
    }

    private static boolean anyAnomalous(Series s, int from) {
        for (int i = from; i < from + WINDOW; i++) {
            if (s.anomalous()[i]) {
                return true;
            }
        }
        return false;
    }

    private static Fingerprint fingerprint(Series s, int from) {
        double[] w = java.util.Arrays.copyOfRange(s.values(), from, from + WINDOW);
        return java.util.Arrays.stream(w).filter(Double::isFinite).count() < WINDOW / 2 ? null : Fingerprint.of(w);
    }

    private static Series read(Path csv, JsonNode windows) throws IOException {
        NabCsv.Samples samples = NabCsv.read(csv);
        long[] times = samples.epochMs();
        boolean[] anomalous = new boolean[times.length];
        for (JsonNode w : windows) {
            long from = NabCsv.epochMs(w.get(0).asText());
            long to = NabCsv.epochMs(w.get(1).asText());
            for (int i = 0; i < times.length; i++) {
                anomalous[i] |= times[i] >= from && times[i] <= to;
            }
        }
        return new Series(samples.values(), anomalous);
    }
}
