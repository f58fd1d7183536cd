package io.patternscope.training;

import io.patternscope.core.patterns.PatternClass;
import io.patternscope.core.patterns.PatternPreprocessor;
import io.patternscope.core.screening.RobustStatistics;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates labeled series for every {@link PatternClass}, each a pattern injected into a
 * realistic background: Gaussian, heavy-tailed (Student t, 3 degrees of freedom), uniform or
 * two-level noise, a slow seasonal wobble, a daily-like rhythm of several cycles, an idle flat line,
 * a random walk, Poisson counts (quantized, with ties), or a stretch of a real series (when given);
 * plus sparse small background spikes (≤ 3σ, below any pattern's size) and missing points. Change
 * positions, magnitudes (in robust σ of the background) and durations vary within the definitions
 * of {@link PatternClass}. Deterministic per seed; not
 * thread-safe. The static helpers are the paper's augmentations: mirroring, horizontal shift,
 * added noise, amplitude scaling.
 */
public final class PatternSeriesGenerator {

    /** The earliest a level shift or sudden change starts, as a fraction of the window. */
    private static final double EARLIEST_STEP = 0.4;
    /** The latest the first of several spikes (or dips) starts, as a fraction of the window. */
    private static final double LATEST_SPIKE_START = 0.6;

    /**
     * @param missingRateMax up to this share of points is NaN (in about a third of the series)
     * @param heavyTailShare share of noise backgrounds drawn heavy-tailed
     * @param noiseScaleMax  background noise σ up to this share of its level
     * @param heavyTailClip  heavy-tailed noise is redrawn beyond ± this (unit variance); infinite: never
     */
    public record Settings(int minLength, int maxLength, double minMagnitude, double maxMagnitude, double missingRateMax,
                           double heavyTailShare, double noiseScaleMax, double heavyTailClip) {

        /**
         * What the shipped model is trained on ({@code ./patternscope train} reproduces it). Heavy
         * tails are clipped at ±3 as in evaluation: unclipped, a NONE example could hold a t(3) draw
         * of 8σ, which taught earlier models to call real single spikes in noisy series NONE.
         */
        public static Settings training() {
            return new Settings(120, 720, 5, 20, 0.03, 0.25, 0.10, 3);
        }

        /**
         * Held-out evaluation: other lengths, noisier, more gaps, heavier tails, smaller changes —
         * and every example true to its definition: tails clipped at ±3 (unit variance; the robust
         * σ of this noise is ≈ 0.65, so ±3 stays under the 5σ of a spike), or a NONE example could
         * hold a 10σ spike and count the model wrong for seeing it.
         */
        public static Settings evaluation() {
            return new Settings(100, 900, 4.5, 25, 0.06, 0.45, 0.15, 3);
        }
    }

    private enum Background { GAUSSIAN, SEASONAL, PERIODIC, IDLE, RANDOM_WALK, COUNTS, REAL }

    /**
     * A background and the σ its patterns are measured against; 0: its own robust σ. An idle
     * background sets its own, since its robust σ can be 0. {@code boundedNoise}: its noise is
     * uniform or two-level, where spikes are judged against the envelope (see {@link #next}).
     */
    private record Drawn(double[] values, double patternSigma, boolean boundedNoise) {
    }

    private final Random random;
    private final Settings settings;
    private final List<double[]> realBackgrounds;
    /** Per real background, the robust σ of all of it: the scale of its quiet stretches' patterns. */
    private final double[] realScales;

    /**
     * @param realBackgrounds stretches of real series free of known anomalies (NAB's labeled windows
     *                        cut out); shorter than the settings' minimum length are ignored
     */
    public PatternSeriesGenerator(long seed, Settings settings, List<double[]> realBackgrounds) {
        this.random = new Random(seed);
        this.settings = settings;
        this.realBackgrounds = realBackgrounds.stream().filter(b -> b.length >= settings.minLength()).toList();
        this.realScales = this.realBackgrounds.stream()
                .mapToDouble(b -> RobustStatistics.robustScale(b, RobustStatistics.median(b))).toArray();
    }

    public LabeledSeries next(PatternClass label) {
        int n = settings.minLength() + random.nextInt(settings.maxLength() - settings.minLength() + 1);
        Drawn drawn = background(n);
        double[] v = drawn.values();
        double[] finite = Arrays.stream(v).filter(Double::isFinite).toArray();
        double median = RobustStatistics.median(finite);
        double sigma = drawn.patternSigma() > 0 ? drawn.patternSigma() : RobustStatistics.robustScale(finite, median);
        if (isSpike(label) && drawn.boundedNoise()) {
            // Spikes are judged by eye against the noise's envelope: on bounded noise (uniform,
            // two-level) one clears it by far well below 5 robust σ. So a spike's σ is at most a
            // third of the background's largest excursion (≈ σ itself for Gaussian noise).
            double envelope = 0;
            for (double x : finite) {
                envelope = Math.max(envelope, Math.abs(x - median));
            }
            sigma = envelope > 0 ? Math.min(sigma, envelope / 3) : sigma;
        }
        int change = inject(label, v, sigma, median);
        if (random.nextDouble() < 0.3) {
            double rate = random.nextDouble() * settings.missingRateMax();
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < rate) {
                    v[i] = Double.NaN;
                }
            }
        }
        return new LabeledSeries(label, v, change, sigma);
    }

    private static boolean isSpike(PatternClass label) {
        return switch (label) {
            case SINGLE_SPIKE, SINGLE_DIP, MULTIPLE_SPIKES, MULTIPLE_DIPS -> true;
            default -> false;
        };
    }

    /** A background of {@code kind}, or of a kind drawn at random when null. */
    private Drawn background(int n) {
        Background[] kinds = Background.values();
        Background kind = kinds[random.nextInt(realBackgrounds.isEmpty() ? kinds.length - 1 : kinds.length)];
        double level = Math.exp(random.nextDouble() * 7); // 1 .. 1100
        double sigma = level * (0.01 + random.nextDouble() * (settings.noiseScaleMax() - 0.01));
        double[] v = new double[n];
        double patternSigma = 0;
        double draw = random.nextDouble();
        Noise noise = draw < settings.heavyTailShare() ? Noise.HEAVY
                : draw < settings.heavyTailShare() + 0.2 ? (random.nextBoolean() ? Noise.UNIFORM : Noise.TWO_LEVEL)
                : Noise.GAUSSIAN;
        switch (kind) {
            case GAUSSIAN -> {
                for (int i = 0; i < n; i++) {
                    v[i] = level + sigma * noise(noise);
                }
            }
            case SEASONAL -> {
                double period = n * (0.3 + random.nextDouble() * 1.7);
                double amplitude = sigma * (0.5 + random.nextDouble() * 2.5);
                double phase = random.nextDouble() * 2 * Math.PI;
                for (int i = 0; i < n; i++) {
                    v[i] = level + amplitude * Math.sin(2 * Math.PI * i / period + phase) + sigma * noise(noise);
                }
            }
            case PERIODIC -> periodic(v, level, sigma, noise);
            case IDLE -> {
                // An idle resource: flat (often exactly 0) with at most a little noise, as disk writes,
                // network bytes or error counts are between bursts. Its robust σ can be 0, so the
                // pattern is measured against a nominal scale instead, well above the noise.
                double base = random.nextDouble() < 0.6 ? 0 : level;
                double jitter = random.nextDouble() < 0.4 ? 0 : level * 0.3 * random.nextDouble();
                boolean nonNegative = random.nextBoolean();
                for (int i = 0; i < n; i++) {
                    double z = jitter * random.nextGaussian();
                    v[i] = base + (nonNegative ? Math.abs(z) : z);
                }
                patternSigma = level;
            }
            case RANDOM_WALK -> {
                double walk = 0;
                for (int i = 0; i < n; i++) {
                    walk += 0.08 * sigma * random.nextGaussian();
                    v[i] = level + walk + sigma * noise(noise);
                }
            }
            case COUNTS -> {
                double lambda = 5 + random.nextDouble() * 60;
                for (int i = 0; i < n; i++) {
                    v[i] = poisson(lambda);
                }
            }
            case REAL -> {
                int source = realStretch(v);
                if (source < 0) {
                    for (int i = 0; i < n; i++) {
                        v[i] = level + sigma * noise(noise);
                    }
                } else {
                    patternSigma = Math.max(realScales[source], RobustStatistics.robustScale(v, RobustStatistics.median(v)));
                }
            }
        }
        // Sparse small spikes, never on an idle background: there the smallest blip stands out.
        if (kind != Background.IDLE && random.nextDouble() < 0.3) {
            double[] finite = Arrays.stream(v).filter(Double::isFinite).toArray();
            double spread = RobustStatistics.robustScale(finite, RobustStatistics.median(finite));
            for (int k = 1 + random.nextInt(2); k > 0; k--) {
                v[random.nextInt(n)] += (random.nextBoolean() ? 1 : -1) * spread * (2 + random.nextDouble());
            }
        }
        boolean bounded = (noise == Noise.UNIFORM || noise == Noise.TWO_LEVEL)
                && (kind == Background.GAUSSIAN || kind == Background.SEASONAL || kind == Background.RANDOM_WALK);
        return new Drawn(v, patternSigma, bounded);
    }

    /**
     * Copies a stretch of a real background into {@code v}: one whose points all lie within 6 robust σ
     * of its median (or a constant one), since an unlabeled spike left in a real stretch would teach
     * "spike" = NONE. Returns the index of the background it came from; -1 after 20 draws without one.
     */
    private int realStretch(double[] v) {
        int n = v.length;
        for (int attempt = 0; attempt < 20; attempt++) {
            int source = random.nextInt(realBackgrounds.size());
            double[] from = realBackgrounds.get(source);
            if (from.length < n) {
                continue;
            }
            System.arraycopy(from, random.nextInt(from.length - n + 1), v, 0, n);
            double median = RobustStatistics.median(v);
            double sigma = RobustStatistics.robustScale(v, median);
            boolean calm = true;
            for (int i = 0; i < n && calm; i++) {
                calm = Math.abs(v[i] - median) <= 6 * sigma;
            }
            if (calm) {
                return source;
            }
        }
        return -1;
    }

    /**
     * Several cycles of a daily-like rhythm (3–22 in the window, 6–25 when peaked) in one of three
     * shapes — smooth, peaked (regular spikes) or flat-topped (on/off) — with a drifting period and
     * cycle-to-cycle amplitude changes: a series' own regular shape, which is NONE however large it is.
     */
    private void periodic(double[] v, double level, double sigma, Noise noise) {
        int n = v.length;
        int shape = random.nextInt(3);
        // Peaked rhythms (regular spikes) need enough cycles to read as a rhythm rather than a few spikes.
        double period = n / ((shape == 1 ? 6 : 3) + random.nextDouble() * 19);
        double amplitude = sigma * (1.5 + random.nextDouble() * 8);
        double sharpness = shape == 1 ? 2 + random.nextDouble() * 10 : 2 + random.nextDouble() * 4;
        double phase = random.nextDouble() * 2 * Math.PI;
        double weekly = random.nextDouble() * 0.3;
        for (int i = 0; i < n; i++) {
            phase += 0.02 * random.nextGaussian() / period * 2 * Math.PI;
            double s = Math.sin(2 * Math.PI * i / period + phase);
            double wave = switch (shape) {
                case 1 -> Math.pow((1 + s) / 2, sharpness);
                case 2 -> Math.tanh(sharpness * s);
                default -> s;
            };
            double modulation = 1 + weekly * Math.sin(2 * Math.PI * i / (7 * period));
            v[i] = level + amplitude * modulation * wave + sigma * noise(noise);
        }
    }

    /** The shape of a background's noise; every one at unit variance. */
    private enum Noise { GAUSSIAN, HEAVY, UNIFORM, TWO_LEVEL }

    private double noise(Noise kind) {
        double z = random.nextGaussian();
        switch (kind) {
            case GAUSSIAN -> {
                return z;
            }
            case UNIFORM -> { // bounded, as a busy CPU between two limits
                return Math.sqrt(3) * (2 * random.nextDouble() - 1);
            }
            case TWO_LEVEL -> { // flipping between two levels, as a metric of two alternating workers
                return (random.nextBoolean() ? 0.9 : -0.9) + Math.sqrt(0.19) * z;
            }
            default -> {
            }
        }
        // Student t(3) at unit variance, redrawn beyond the settings' clip (see Settings.evaluation).
        while (true) {
            double chi = 0;
            for (int k = 0; k < 3; k++) {
                double g = random.nextGaussian();
                chi += g * g;
            }
            double t = z / Math.sqrt(chi / 3) / Math.sqrt(3);
            if (Math.abs(t) <= settings.heavyTailClip()) {
                return t;
            }
            z = random.nextGaussian();
        }
    }

    private double poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private double magnitude(double sigma) {
        return sigma * (settings.minMagnitude() + random.nextDouble() * (settings.maxMagnitude() - settings.minMagnitude()));
    }

    /** A spike's height: from 6σ up to 3× the largest change, log-uniform — real spikes are often far taller than steps. */
    private double spikeHeight(double sigma) {
        double low = Math.max(6, settings.minMagnitude());
        return sigma * low * Math.pow(3 * settings.maxMagnitude() / low, random.nextDouble());
    }

    private int between(int n, double from, double to) {
        return (int) (n * (from + random.nextDouble() * (to - from)));
    }

    /**
     * Sometimes the noise changes with the level (a saturated CPU goes flat, a busier one
     * noisier): the background's deviations from its median scaled from {@code at} on.
     */
    private void maybeRescaleNoise(double[] v, int at, double median) {
        if (random.nextDouble() < 0.25) {
            double factor = 0.15 + random.nextDouble() * 1.6;
            for (int i = at; i < v.length; i++) {
                v[i] = median + (v[i] - median) * factor;
            }
        }
    }

    /** Adds the pattern to {@code v}; returns where it begins. */
    private int inject(PatternClass label, double[] v, double sigma, double median) {
        int n = v.length;
        int sign = label.direction();
        switch (label) {
            case LEVEL_SHIFT_UP, LEVEL_SHIFT_DOWN -> {
                // Up to 97 % (at least 4 points after the step): at alert time the change is often
                // in the window's last tenth, where a step must not read as a spike.
                int at = Math.min(n - 4, between(n, EARLIEST_STEP, 0.97));
                maybeRescaleNoise(v, at, median);
                double m = sign * magnitude(sigma);
                for (int i = at; i < n; i++) {
                    v[i] += m;
                }
                if (random.nextDouble() < 0.2) {
                    // An overshoot at the step (a latency burst at a deploy, then the new level): still
                    // a level shift, however tall the overshoot.
                    double over = m * (0.5 + 3 * random.nextDouble());
                    for (int i = at, width = 1 + random.nextInt(3); i < Math.min(n - 2, at + width); i++) {
                        v[i] += over;
                    }
                }
                return at;
            }
            case STEADY_INCREASE, STEADY_DECREASE -> {
                int at = between(n, 0.3, 0.6);
                int duration = Math.max(between(n, 0.25, 0.6), n / 4);
                double m = sign * magnitude(sigma) * 1.5;
                for (int i = at; i < n; i++) {
                    v[i] += m * Math.min(1.0, (double) (i - at) / duration);
                }
                return at;
            }
            case SUDDEN_INCREASE, SUDDEN_DECREASE -> {
                int ramp = Math.max(3, between(n, 0.02, 0.08));
                int at = Math.min(n - ramp - 3, between(n, EARLIEST_STEP, 0.92));
                maybeRescaleNoise(v, at, median);
                double m = sign * magnitude(sigma);
                for (int i = at; i < n; i++) {
                    v[i] += m * Math.min(1.0, (double) (i - at + 1) / ramp);
                }
                return at;
            }
            case SINGLE_SPIKE, SINGLE_DIP -> {
                // Anywhere but the last points, where a spike could not be told from a late step.
                int at = Math.min(n - 5, between(n, 0.1, 0.95));
                spike(v, at, sign * spikeHeight(sigma));
                return at;
            }
            case MULTIPLE_SPIKES, MULTIPLE_DIPS -> {
                // 2–8 spikes of mixed heights, spread or clustered, kept apart by at least two
                // of the model's 128 buckets so that they stay separate after resampling.
                int count = 2 + random.nextInt(7);
                int minGap = Math.max(4, 2 * n / PatternPreprocessor.MODEL_LENGTH + 3);
                double latest = LATEST_SPIKE_START;
                int at = Math.min(n - minGap - 5, between(n, 0.05, latest));
                // Up to 95 % of the window, or, for a late cluster, to its last points.
                double room = Math.max(0.95, latest + 0.07) - at / (double) n;
                int span = Math.max(minGap * count, between(n, Math.min(0.1, room), room));
                int first = at;
                for (int k = 0; k < count && at < n - 4; k++) {
                    spike(v, at, sign * spikeHeight(sigma));
                    int next = at + minGap + random.nextInt(Math.max(1, 2 * span / count - minGap));
                    at = k == 0 && next >= n - 4 ? at + minGap : next; // never fewer than two
                }
                return first;
            }
            case TRANSIENT_LEVEL_SHIFT_UP, TRANSIENT_LEVEL_SHIFT_DOWN -> {
                int duration = Math.max(3, between(n, 0.05, 0.3));
                int at = between(n, 0.3, 0.9) - duration;
                at = Math.max(n / 5, Math.min(at, (int) (0.93 * n) - duration));
                double m = sign * magnitude(sigma);
                // A block with sharp edges, or a hump whose edges take up to a third of it.
                int edge = random.nextDouble() < 0.4 ? 1 + random.nextInt(Math.max(1, duration / 3)) : 0;
                for (int i = at; i < at + duration; i++) {
                    int inside = Math.min(i - at + 1, at + duration - i);
                    double rise = edge == 0 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1.0, (double) inside / edge));
                    v[i] += m * rise;
                }
                return at;
            }
            case FLUCTUATIONS -> {
                int duration = between(n, 0.1, 0.4);
                int at = Math.max(n / 5, between(n, 0.3, 0.85) - duration);
                double amplitude = sigma * (3 + random.nextDouble() * 5);
                double period = 4 + random.nextDouble() * 8;
                boolean onOff = random.nextDouble() < 0.35; // a flapping service: full on, full off
                if (onOff) { // cycles of at least 4 model buckets, or resampling would merge them into a block
                    period *= Math.max(1.0, (double) n / PatternPreprocessor.MODEL_LENGTH);
                }
                for (int i = at; i < Math.min(n - n / 10, at + duration); i++) {
                    double s = Math.sin(2 * Math.PI * (i - at) / period);
                    v[i] += onOff ? 2 * amplitude * (s > 0 ? 1 : 0) : amplitude * s + amplitude * 0.5 * random.nextGaussian();
                }
                return at;
            }
            default -> {
                return -1;
            }
        }
    }

    private void spike(double[] v, int at, double m) {
        int width = 1 + random.nextInt(3);
        for (int i = at; i < Math.min(v.length, at + width); i++) {
            v[i] += m * (i == at ? 1 : 0.6);
        }
    }

    // ---- augmentations (PatternMatcher, section IV) ----------------------------------------------

    /** Upside down: the series negated, the label mirrored (spike ↔ dip, up ↔ down). */
    public static LabeledSeries mirror(LabeledSeries s) {
        double[] v = new double[s.values().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = -s.values()[i];
        }
        return new LabeledSeries(s.label().mirrored(), v, s.changeIndex(), s.sigma());
    }

    /** Moves the content {@code k} points left (k &gt; 0) or right, repeating the edge value into the gap. */
    public static LabeledSeries shift(LabeledSeries s, int k) {
        double[] src = s.values();
        int n = src.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = src[Math.max(0, Math.min(n - 1, i + k))];
        }
        return new LabeledSeries(s.label(), v, s.changeIndex() < 0 ? -1 : Math.max(0, s.changeIndex() - k), s.sigma());
    }

    /** Adds Gaussian noise of {@code sigmaFraction} × the background's σ. */
    public static LabeledSeries withNoise(LabeledSeries s, double sigmaFraction, Random random) {
        double[] v = s.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += sigmaFraction * s.sigma() * random.nextGaussian();
        }
        return new LabeledSeries(s.label(), v, s.changeIndex(), s.sigma());
    }

    /** {@code factor · x + offset}: the label does not depend on units or level (factor &gt; 0). */
    public static LabeledSeries scaled(LabeledSeries s, double factor, double offset) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("scale factor must be positive, was " + factor);
        }
        double[] v = new double[s.values().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = factor * s.values()[i] + offset;
        }
        return new LabeledSeries(s.label(), v, s.changeIndex(), s.sigma() * factor);
    }
}
