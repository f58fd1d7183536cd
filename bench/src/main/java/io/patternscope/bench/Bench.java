package io.patternscope.bench;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.screening.MatrixProfile;
import io.patternscope.core.screening.SeriesScreener;
import io.patternscope.patternmodel.DjlPatternClassifier;
import io.patternscope.training.PatternSeriesGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./patternscope bench screen|fetch}: prints one {@code name value} line per figure. Speed is
 * checked here, never in timed unit tests. Each figure is the best of several timed passes after
 * warm-up passes (the JIT must have compiled the kernel before it is timed).
 */
public final class Bench {

    private static final int SERIES = 10_000;
    private static final int REFERENCE = 480;
    private static final int TEST = 240;
    /** The demo's grid: it sets the discord detector's resolution (1-minute points, 4 to 1). */
    private static final long GRID_STEP_MS = 15_000;
    private static final int WARMUP = 3;
    private static final int PASSES = 5;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "screen" : args[0];
        switch (what) {
            case "screen" -> screen();
            case "fetch" -> FetchBench.run(java.nio.file.Path.of(args.length > 1 ? args[1] : ".patternscope/bench"));
            case "classify" -> classify(java.nio.file.Path.of(args.length > 2 ? args[2] : "models/pattern-cnn"));
            case "profiles" -> ProfileBench.run(java.nio.file.Path.of(args.length > 3 ? args[3] : "../shared/datasets/nab"));
            case "detectors" -> DetectorBench.run(java.nio.file.Path.of(args.length > 3 ? args[3] : "../shared/datasets/nab"));
            default -> {
                System.err.println("bench: unknown benchmark '" + what + "'; available: screen, fetch, classify, profiles, detectors");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** 10,000 series × 720 points (480 reference + 240 test) like the demo's: noise, steps, ramps, counts. */
    static double[][] screeningWorkload() {
        Random random = new Random(42);
        double[][] series = new double[SERIES][REFERENCE + TEST];
        for (int s = 0; s < SERIES; s++) {
            double level = 1 + random.nextDouble() * 1000;
            double[] v = series[s];
            int kind = s % 10;
            for (int i = 0; i < v.length; i++) {
                double x = level * (1 + 0.05 * random.nextGaussian());
                if (kind == 0 && i >= 600) {
                    x *= 3; // level shift in the test window
                } else if (kind == 1 && i >= 500) {
                    x += level * 0.01 * (i - 500); // ramp
                } else if (kind == 2) {
                    x = Math.round(level / 100 + random.nextGaussian()); // quantized, ties
                }
                v[i] = (kind == 3 && i % 17 == 0) ? Double.NaN : x;
            }
        }
        return series;
    }

    static void screen() throws Exception {
        double[][] workload = screeningWorkload();
        int cores = Runtime.getRuntime().availableProcessors();
        double single = best(() -> screenRange(workload, 0, SERIES));
        double parallel = best(() -> screenParallel(workload, cores));
        System.out.printf(Locale.ROOT, "screen.series_per_second %.0f%n", SERIES / parallel);
        System.out.printf(Locale.ROOT, "screen.series_per_second_per_core %.0f%n", SERIES / single);
        System.out.printf(Locale.ROOT, "screen.cores %d%n", cores);
        System.out.printf(Locale.ROOT, "screen.points_per_series %d%n", REFERENCE + TEST);
        System.out.printf(Locale.ROOT, "screen.cpu %s%n", cpu());
        discords(cores);
    }

    /** Series whose discord scores are timed: a sample of the 10,000, the rate extrapolated. */
    private static final int DISCORD_SAMPLE = 200;

    /**
     * Matrix-profile discords: test windows of 720 points against 2,880 points of history,
     * subsequences of 20 points (five minutes at 15 s): the pairs one core evaluates per second,
     * and the series per second over every core.
     */
    static void discords(int cores) throws Exception {
        Random random = new Random(7);
        int m = 20;
        double[][] tests = new double[DISCORD_SAMPLE][720];
        double[][] histories = new double[DISCORD_SAMPLE][2880];
        for (int s = 0; s < DISCORD_SAMPLE; s++) {
            double level = 1 + random.nextDouble() * 1000;
            for (int t = 0; t < 2880 + 720; t++) {
                double x = level * (1 + 0.05 * random.nextGaussian() + 0.2 * Math.sin(2 * Math.PI * t / 240));
                if (t < 2880) {
                    histories[s][t] = x;
                } else {
                    tests[s][t - 2880] = x;
                }
            }
        }
        long pairs = (long) DISCORD_SAMPLE * (720 - m + 1) * (2880 - m + 1);
        double single = best(() -> {
            int scored = 0;
            for (int s = 0; s < DISCORD_SAMPLE / 4; s++) {
                scored += MatrixProfile.discordScore(tests[s], histories[s], m) >= 0 ? 1 : 0;
            }
            return scored;
        });
        double parallel = best(() -> (int) java.util.stream.IntStream.range(0, DISCORD_SAMPLE).parallel()
                .filter(s -> MatrixProfile.discordScore(tests[s], histories[s], m) >= 0).count());
        System.out.printf(Locale.ROOT, "mp.pairs_per_second_per_core %.3e%n", pairs / 4.0 / single);
        System.out.printf(Locale.ROOT, "screen.discord.series_per_second %.0f%n", DISCORD_SAMPLE / parallel);
        System.out.printf(Locale.ROOT, "screen.discord.points %d against %d, subsequences of %d%n", 720, 2880, m);
    }

    /** Batch inference on CPU: 10,000 generated series of 720 points, preprocessing included, batches of 256. */
    static void classify(java.nio.file.Path modelDir) throws Exception {
        PatternSeriesGenerator generator = new PatternSeriesGenerator(
                9, new PatternSeriesGenerator.Settings(720, 720, 5, 20, 0.02, 0.3, 0.1, Double.POSITIVE_INFINITY), List.of());
        PatternClass[] classes = PatternClass.values();
        List<double[]> series = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) {
            series.add(generator.next(classes[i % classes.length]).values());
        }
        try (DjlPatternClassifier classifier = DjlPatternClassifier.load(modelDir)) {
            double seconds = best(() -> {
                int n = 0;
                for (int from = 0; from < SERIES; from += 256) {
                    n += classifier.classify(series.subList(from, Math.min(SERIES, from + 256))).size();
                }
                return n;
            });
            System.out.printf(Locale.ROOT, "classify.series_per_second %.0f%n", SERIES / seconds);
            System.out.printf(Locale.ROOT, "classify.batch 256%n");
            System.out.printf(Locale.ROOT, "classify.device cpu%n");
            System.out.printf(Locale.ROOT, "classify.model %s%n", classifier.version());
            System.out.printf(Locale.ROOT, "classify.cpu %s%n", cpu());
        }
    }

    /**
     * The processor the figures were taken on: the same build runs 1.5–2× apart on this project's
     * hosts (an AVX-512 host against an AVX2-only one), so a figure means little without it.
     */
    static String cpu() {
        String model = "unknown";
        String vectors = "unknown";
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (model.equals("unknown") && line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                } else if (vectors.equals("unknown") && line.startsWith("flags")) {
                    vectors = line.contains(" avx512f") ? "avx512" : line.contains(" avx2") ? "avx2" : "no avx2";
                }
            }
        } catch (java.io.IOException e) {
            // not Linux: the figure stands without it
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s", model, Runtime.getRuntime().availableProcessors(), vectors);
    }

    private static int screenRange(double[][] workload, int from, int to) {
        SeriesScreener screener = new SeriesScreener(SeriesScreener.Settings.defaults());
        int candidates = 0;
        for (int s = from; s < to; s++) {
            if (screener.screen(workload[s], REFERENCE, false, GRID_STEP_MS).candidate()) {
                candidates++;
            }
        }
        return candidates;
    }

    private static int screenParallel(double[][] workload, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            int chunk = (SERIES + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * chunk;
                int to = Math.min(SERIES, from + chunk);
                parts.add(pool.submit(() -> screenRange(workload, from, to)));
            }
            int candidates = 0;
            for (Future<Integer> part : parts) {
                candidates += part.get();
            }
            return candidates;
        } finally {
            pool.shutdown();
        }
    }

    @FunctionalInterface
    private interface Pass {
        int run() throws Exception;
    }

    /** Best wall time of the timed passes, in seconds. */
    private static double best(Pass pass) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            pass.run();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < PASSES; i++) {
            long t0 = System.nanoTime();
            pass.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
