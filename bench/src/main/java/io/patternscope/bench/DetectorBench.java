package io.patternscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patternscope.core.screening.SeasonalReference;
import io.patternscope.core.screening.SeriesScreener;
import io.patternscope.core.wire.Detector;
import io.patternscope.core.wire.SeriesData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code bench detectors}: recall and false-alarm rate of each screening detector on NAB's real,
 * labeled series. Windows are counted in points of each file's own step: a test window of
 * {@value #TEST} points and the {@value #PRECEDING} before it as the preceding reference (the
 * PatternMatcher shape: the test window against twice its length before it).
 * <ul>
 *   <li>Anomalous: for each labeled anomaly, the test window that holds it at three quarters of its
 *   length, as an alert raised a little after the change would.</li>
 *   <li>Normal: test windows every {@value #TEST} points whose test window, preceding reference and
 *   seasonal references are all outside every labeled anomaly window.</li>
 * </ul>
 * One window is one test at the screener's level (p ≤ 0.01, effect ≥ 3): no FDR across windows.
 * Prints {@code name value} lines, each rate with its 95 % Wilson interval.
 */
final class DetectorBench {

    static final int TEST = 48;
    static final int PRECEDING = 2 * TEST;
    private static final double[] DISCORD_LEVELS = {0.40, 0.50, 0.60, 0.70, 0.80};

    private DetectorBench() {
    }

    private record Series(double[] values, long stepMs, boolean[] inWindow, List<Integer> anomalies) {
    }

    /** What each detector said about one window. */
    private record Verdict(boolean ks, boolean preceding, boolean seasonal, boolean auto, double discord,
                           boolean seasonalUsed) {
    }

    static void run(Path nab) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode windows = json.readTree(nab.resolve("labels/combined_windows.json").toFile());
        JsonNode points = json.readTree(nab.resolve("labels/combined_labels.json").toFile());
        SeriesScreener screener = new SeriesScreener(new SeriesScreener.Settings(20, 10, 0.01, 3.0, 5, 6, Double.NaN));
        List<Verdict> anomalous = new ArrayList<>();
        List<Verdict> normal = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = windows.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            Path csv = nab.resolve("data").resolve(file.getKey());
            if (!file.getKey().startsWith("real") || !Files.isRegularFile(csv)) {
                continue;
            }
            Series s = read(csv, file.getValue(), points.get(file.getKey()));
            for (int anomaly : s.anomalies()) {
                int testStart = anomaly - (3 * TEST) / 4;
                if (testStart - PRECEDING >= 0 && testStart + TEST <= s.values().length) {
                    anomalous.add(verdict(screener, s, testStart));
                }
            }
            int seasonalSpan = (int) (SeasonalReference.MAX_PERIODS * 86_400_000L / s.stepMs()) + TEST;
            for (int testStart = PRECEDING; testStart + TEST <= s.values().length; testStart += TEST) {
                if (clean(s, Math.max(0, testStart - Math.max(PRECEDING, seasonalSpan)), testStart + TEST)) {
                    normal.add(verdict(screener, s, testStart));
                }
            }
        }
        System.out.printf(Locale.ROOT, "detectors.windows_anomalous %d%ndetectors.windows_normal %d%n",
                anomalous.size(), normal.size());
        print("ks_preceding", anomalous, normal, v -> v.ks());
        print("screening_preceding", anomalous, normal, v -> v.preceding());
        print("screening_daily", anomalous, normal, v -> v.seasonal());
        print("screening_auto", anomalous, normal, v -> v.auto());
        for (double level : DISCORD_LEVELS) {
            print(String.format(Locale.ROOT, "discord_%.2f", level), anomalous, normal, v -> v.discord() >= level);
        }
        double level = SeriesScreener.Settings.SUGGESTED_DISCORD_THRESHOLD;
        print("ensemble_auto_or_discord", anomalous, normal, v -> v.auto() || v.discord() >= level);
        print("ensemble_preceding_or_discord", anomalous, normal, v -> v.preceding() || v.discord() >= level);
        System.out.printf(Locale.ROOT, "detectors.auto_chose_seasonal_anomalous %.3f%n",
                anomalous.stream().filter(Verdict::seasonalUsed).count() / (double) anomalous.size());
        System.out.printf(Locale.ROOT, "detectors.auto_chose_seasonal_normal %.3f%n",
                normal.stream().filter(Verdict::seasonalUsed).count() / (double) normal.size());
    }

    private static Verdict verdict(SeriesScreener screener, Series s, int testStart) {
        double[] window = Arrays.copyOfRange(s.values(), testStart - PRECEDING, testStart + TEST);
        List<SeriesData.PastWindow> past = new ArrayList<>();
        for (long offset : SeasonalReference.offsetsFor(SeasonalReference.Kind.AUTO)) {
            int back = offset % s.stepMs() == 0 ? (int) (offset / s.stepMs()) : -1;
            if (back >= TEST && testStart - back >= 0) {
                past.add(new SeriesData.PastWindow(offset, Arrays.copyOfRange(s.values(), testStart - back, testStart - back + TEST)));
            }
        }
        SeasonalReference.Choice daily = SeasonalReference.choose(SeasonalReference.Kind.DAILY, window, PRECEDING, past);
        SeasonalReference.Choice auto = SeasonalReference.choose(SeasonalReference.Kind.AUTO, window, PRECEDING, past);
        SeriesScreener.Outcome p = screener.screen(window, PRECEDING, false, s.stepMs());
        SeriesScreener.Outcome d = screener.screen(daily.values(), daily.split(), false, s.stepMs());
        SeriesScreener.Outcome a = auto.used() == SeasonalReference.Kind.PRECEDING ? p
                : screener.screen(auto.values(), auto.split(), false, s.stepMs());
        double discord = p.discord().score();
        return new Verdict(p.detectors().contains(Detector.KS), p.candidate(), d.candidate(), a.candidate(),
                Double.isNaN(discord) ? 0 : discord, auto.used() != SeasonalReference.Kind.PRECEDING);
    }

    private static void print(String name, List<Verdict> anomalous, List<Verdict> normal, Predicate<Verdict> fires) {
        long hit = anomalous.stream().filter(fires).count();
        long alarm = normal.stream().filter(fires).count();
        double[] r = wilson(hit, anomalous.size());
        double[] f = wilson(alarm, normal.size());
        System.out.printf(Locale.ROOT, "detectors.%s.recall %.3f [%.3f, %.3f]%ndetectors.%s.false_alarms %.3f [%.3f, %.3f]%n",
                name, (double) hit / anomalous.size(), r[0], r[1], name, (double) alarm / normal.size(), f[0], f[1]);
    }

    /** The 95 % Wilson score interval of a proportion. */
    static double[] wilson(long k, long n) {
        double z = 1.959964;
        double p = (double) k / n;
        double center = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
    }

    private static boolean clean(Series s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.inWindow()[i]) {
                return false;
            }
        }
        return true;
    }

    private static Series read(Path csv, JsonNode windows, JsonNode anomalyTimes) throws IOException {
        NabCsv.Samples samples = NabCsv.read(csv);
        long[] times = samples.epochMs();
        double[] raw = samples.values();
        int n = times.length;
        long[] steps = new long[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(steps);
        long step = Math.max(1, steps[steps.length / 2]);
        // On a regular grid from the first sample: NAB files skip samples, and seasonal lags count in steps.
        int length = (int) ((times[n - 1] - times[0]) / step) + 1;
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        for (int i = 0; i < n; i++) {
            values[Math.min(length - 1, (int) Math.round((double) (times[i] - times[0]) / step))] = raw[i];
        }
        boolean[] inWindow = new boolean[length];
        for (JsonNode w : windows) {
            long from = NabCsv.epochMs(w.get(0).asText());
            long to = NabCsv.epochMs(w.get(1).asText());
            for (int i = Math.max(0, (int) ((from - times[0]) / step)); i < length && times[0] + i * step <= to; i++) {
                inWindow[i] = true;
            }
        }
        List<Integer> anomalies = new ArrayList<>();
        for (JsonNode t : anomalyTimes == null ? List.<JsonNode>of() : anomalyTimes) {
            long at = NabCsv.epochMs(t.asText());
            anomalies.add(Math.min(length - 1, (int) Math.round((double) (at - times[0]) / step)));
        }
        return new Series(values, step, inWindow, anomalies);
    }
}
