package io.patternscope.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system, from /proc) spent by each part of the stack: the services by pid,
 * and NATS, PostgreSQL and Prometheus by process name. On a small machine every part shares the
 * same cores, so where the CPU goes says where the time goes.
 */
final class CpuAccount {

    private static final double TICKS_PER_SECOND = 100.0;

    private CpuAccount() {
    }

    static Map<String, Double> snapshot(Map<String, Long> servicePids) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        servicePids.forEach((name, pid) -> out.put(name, seconds(pid)));
        Map<String, Double> byName = new LinkedHashMap<>(Map.of("nats-server", 0.0, "postgres", 0.0, "prometheus", 0.0));
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String comm = Files.readString(proc.resolve("comm")).strip();
                    if (byName.containsKey(comm)) {
                        byName.merge(comm, seconds(Long.parseLong(proc.getFileName().toString())), Double::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        out.putAll(byName);
        return out;
    }

    /** Utime + stime of a process and its reaped children; 0 when it is gone. */
    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
