package io.patternscope.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Real series from the Numenta Anomaly Benchmark, replayed as demo background: a stretch of
 * consecutive points (5-minute NAB steps become the demo's steps) chosen outside NAB's labeled
 * anomaly windows where the file allows, so they play normal behaviour, with all its real mess.
 */
final class NabSeries {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    record Source(String file, String metric, LocalDateTime[] times, double[] values, List<LocalDateTime[]> anomalyWindows) {
    }

    private NabSeries() {
    }

    static List<Source> load(Path nabDir) {
        if (nabDir == null || !Files.isDirectory(nabDir.resolve("data"))) {
            return List.of();
        }
        JsonNode windows;
        try {
            windows = new ObjectMapper().readTree(nabDir.resolve("labels/combined_windows.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAB labels in " + nabDir, e);
        }
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(nabDir.resolve("data"))) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                String key = nabDir.resolve("data").relativize(csv).toString();
                sources.add(read(csv, windows.path(key)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAB data in " + nabDir, e);
        }
        return sources;
    }

    private static Source read(Path csv, JsonNode windows) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        LocalDateTime[] times = new LocalDateTime[lines.size() - 1];
        double[] values = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",");
            times[i - 1] = LocalDateTime.parse(parts[0].trim().substring(0, 19), CSV_TIME);
            values[i - 1] = Double.parseDouble(parts[1].trim());
        }
        List<LocalDateTime[]> anomalies = new ArrayList<>();
        for (JsonNode window : windows) {
            anomalies.add(new LocalDateTime[] {
                LocalDateTime.parse(window.get(0).asText().substring(0, 19), CSV_TIME),
                LocalDateTime.parse(window.get(1).asText().substring(0, 19), CSV_TIME)});
        }
        String file = csv.getFileName().toString().replace(".csv", "");
        String metric = "nab_" + file.replaceAll("_[0-9a-f]{6}$", "").replaceAll("[^a-zA-Z0-9_]", "_").toLowerCase();
        return new Source(file, metric, times, values, anomalies);
    }

    /** {@code points} consecutive values, NaN-padded at the start when the file is shorter. */
    static double[] stretch(Source source, int points, Random random) {
        int available = source.values().length;
        double[] out = new double[points];
        if (available <= points) {
            Arrays.fill(out, Double.NaN);
            System.arraycopy(source.values(), 0, out, points - available, available);
            return out;
        }
        int offset = random.nextInt(available - points);
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = random.nextInt(available - points);
            if (!overlapsAnomaly(source, candidate, candidate + points - 1)) {
                offset = candidate;
                break;
            }
        }
        System.arraycopy(source.values(), offset, out, 0, points);
        return out;
    }

    private static boolean overlapsAnomaly(Source source, int from, int to) {
        LocalDateTime start = source.times()[from];
        LocalDateTime end = source.times()[to];
        for (LocalDateTime[] w : source.anomalyWindows()) {
            if (!w[1].isBefore(start) && !w[0].isAfter(end)) {
                return true;
            }
        }
        return false;
    }
}
