package io.patternscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** NAB's files as the benches read them: a CSV's samples, and its labels' times, in epoch milliseconds (NAB's times are UTC). */
final class NabCsv {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    /** One file's samples in file order. */
    record Samples(long[] epochMs, double[] values) {
    }

    private NabCsv() {
    }

    static Samples read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            times[i] = epochMs(f[0].trim());
            values[i] = Double.parseDouble(f[1].trim());
        }
        return new Samples(times, values);
    }

    /** A NAB time ({@code 2014-02-14 14:30:00}, labels with microseconds) as epoch milliseconds. */
    static long epochMs(String nabTime) {
        return LocalDateTime.parse(nabTime, TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
